import { RequestActionForm } from "@/components/request/request-action-form";
import { isolatedMessage } from "@/components/ui/isolated-message";
import type { TActionState } from "@/lib/form-state";
import { longDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { TContactStatus } from "@/lib/server/contact";

type TProps = {
  status: TContactStatus | undefined;
  request: { id: string; version: number };
  sendAction: (state: TActionState, data: FormData) => Promise<TActionState>;
};

/**
 * Where mail about the request goes while the contact address from Who is unconfirmed: the
 * sign-in address, and a button for a fresh link. Nothing once the address is confirmed.
 */
export async function ContactNotice({ status, request, sendAction }: TProps) {
  if (!status || status.confirmed) return null;
  const { t, formats } = await getI18n();
  const sent = status.sentAt ? longDateTime(status.sentAt, formats) : undefined;
  return (
    <div className="notice notice--warning" id="contact-notice">
      <p>
        {sent ? isolatedMessage(t, "contact-notice-sent", status.contact, sent) : isolatedMessage(t, "contact-notice-unsent", status.contact)}{" "}
        {status.signInEmail ? isolatedMessage(t, "contact-notice-until", status.signInEmail) : null}
      </p>
      <RequestActionForm action={sendAction} request={request} label={t(sent ? "contact-notice-resend" : "contact-notice-send")} tone="normal" />
    </div>
  );
}
