import Link from "next/link";

import { cellLabel, Table } from "@/components/ui/table";
import type { TFormAction } from "@/components/ui/use-action-form";
import { Reference } from "@/components/ui/reference";
import { formatNumber, shortDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { TTranslate } from "@/lib/i18n/translator";
import type { TDeliveryRow } from "@/lib/server/admin/webhooks";

import { WebhookButtonForm } from "./webhook-button-form";
import { DELIVERY_STATE } from "./webhook-labels";

type Props = { deliveries: TDeliveryRow[]; resendAction: TFormAction };

/**
 * An endpoint's deliveries, a stacked block each on a phone. What the receiver answered is its
 * text, escaped as any text is, folded in a <details> so rows stay short.
 */
export async function WebhookDeliveries({ deliveries, resendAction }: Props) {
  const { t, formats } = await getI18n();
  const [created, type, request, id, state, attempts, nextTry, last, answer, action] = [
    t("admin-webhook-col-created"),
    t("admin-webhook-col-type"),
    t("admin-webhook-col-request"),
    t("admin-webhook-col-id"),
    t("admin-webhook-col-state"),
    t("admin-webhook-col-attempts"),
    t("admin-webhook-col-next"),
    t("admin-webhook-col-last"),
    t("admin-webhook-col-answer"),
    t("admin-webhook-col-action"),
  ];
  return (
    <Table
      stacked
      labelledBy="deliveries-title"
      columns={[created, type, request, id, state, attempts, nextTry, last, answer, action]}
      empty={deliveries.length === 0 ? t("admin-webhook-deliveries-none") : undefined}
    >
      {deliveries.map((delivery) => {
        const shown = DELIVERY_STATE[delivery.state];
        const said = [delivery.lastError, delivery.lastResponse].filter(Boolean).join("\n");
        return (
          <tr key={delivery.id}>
            <td {...cellLabel(created)}>{shortDateTime(delivery.createdAt, formats)}</td>
            <td {...cellLabel(type)}>
              <code translate="no">{delivery.type}</code>
            </td>
            <td {...cellLabel(request)}>
              {delivery.request ? (
                <Link href={`/review/${delivery.request.id}`}>
                  <Reference>{delivery.request.reference}</Reference>
                </Link>
              ) : (
                <span>{t("admin-webhook-no-request")}</span>
              )}
            </td>
            <td {...cellLabel(id)} className="break-anywhere">
              <code translate="no">{delivery.eventId}</code>
            </td>
            <td {...cellLabel(state)}>
              <strong className={`tag ${shown.tone}`}>{t(shown.label)}</strong>
            </td>
            <td {...cellLabel(attempts)}>{formatNumber(delivery.attempts, formats)}</td>
            <td {...cellLabel(nextTry)}>{delivery.nextAttemptAt ? shortDateTime(delivery.nextAttemptAt, formats) : ""}</td>
            <td {...cellLabel(last)}>{lastAnswer(t, formats, delivery)}</td>
            <td {...cellLabel(answer)}>
              {said ? (
                <details>
                  <summary>{t("admin-webhook-answer-show")}</summary>
                  <pre className="answer">{said}</pre>
                </details>
              ) : null}
            </td>
            <td {...cellLabel(action)}>
              {delivery.state === "failed" ? (
                <WebhookButtonForm
                  action={resendAction}
                  fields={{ deliveryId: delivery.id }}
                  label={t("admin-webhook-resend")}
                  target={delivery.eventId}
                  quiet
                />
              ) : null}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

/** The receiver's last answer and how long it took; nothing before the first attempt. */
function lastAnswer(t: TTranslate, formats: string, delivery: Pick<TDeliveryRow, "lastStatusCode" | "lastDurationMs">) {
  if (delivery.lastDurationMs === null) return delivery.lastStatusCode ?? "";
  const duration = formatNumber(delivery.lastDurationMs, formats);
  return delivery.lastStatusCode === null ? t("admin-webhook-no-answer", duration) : t("admin-webhook-last-answer", delivery.lastStatusCode, duration);
}
