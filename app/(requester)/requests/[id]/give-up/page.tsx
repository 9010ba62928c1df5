import { redirect } from "next/navigation";

import { ConfirmAction } from "@/components/request/confirm-action";
import { referenceMessage } from "@/components/ui/reference";
import { may } from "@/lib/domain/permissions";
import { longDate } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { loadOwnRequest } from "@/lib/server/pages";

import { giveUpGrantAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

export const generateMetadata = titledBy("give-up-title");

/** The requester confirms ending their own grant before its expiry. */
export default async function GiveUpPage({ params }: Params) {
  const [{ id }, { t, formats }] = await Promise.all([params, getI18n()]);
  const { viewer, request } = await loadOwnRequest(id);
  if (!may(viewer, { status: request.status, requesterId: viewer.id }, "give_up") || !request.expiresAt) redirect(`/requests/${request.id}`);
  return (
    <ConfirmAction
      title={t("give-up-title")}
      lead={referenceMessage(t, "give-up-body", request.reference ?? "", longDate(request.expiresAt, formats))}
      after={t("give-up-after")}
      action={giveUpGrantAction}
      request={request}
      confirm="give-up-confirm"
      keep="give-up-keep"
    />
  );
}
