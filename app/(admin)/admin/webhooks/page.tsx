import Link from "next/link";

import { WebhookEndpointForm } from "@/components/admin/webhook-endpoint-form";
import { PageHeading } from "@/components/ui/page-heading";
import { cellLabel, Table } from "@/components/ui/table";
import { canAdminister } from "@/lib/domain/roles";
import { formatNumber, shortDateTime } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { listEndpoints } from "@/lib/server/admin/webhooks";
import { requireRole } from "@/lib/server/session";

import { createWebhookAction } from "./actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { ADMIN_MESSAGES } from "@/lib/i18n/client-messages";

export const generateMetadata = titledBy("admin-webhooks-title");

const LAST_DELIVERY = { delivered: "admin-webhooks-last-delivered", failed: "admin-webhooks-last-failed", retrying: "admin-webhooks-last-retrying" } as const;

export default async function AdminWebhooksPage() {
  const viewer = await requireRole("/admin/webhooks", canAdminister);
  const [{ t, formats }, endpoints] = await Promise.all([getI18n(), listEndpoints(viewer)]);
  const [url, description, types, sending, last, failed] = [
    t("admin-webhooks-col-url"),
    t("admin-webhooks-col-description"),
    t("admin-webhooks-col-types"),
    t("admin-webhooks-col-sending"),
    t("admin-webhooks-col-last"),
    t("admin-webhooks-col-failed"),
  ];
  return (
    <ClientMessages set={ADMIN_MESSAGES.webhooks}>
      <div className="page">
        <PageHeading title="admin-webhooks-title" lead="admin-webhooks-intro" />
        <Table
          stacked
          caption={t("admin-webhooks-caption")}
          columns={[url, description, types, sending, last, failed]}
          empty={endpoints.length === 0 ? t("admin-webhooks-none") : undefined}
        >
          {endpoints.map((endpoint) => (
            <tr key={endpoint.id}>
              <td {...cellLabel(url)} className="break-anywhere">
                <Link href={`/admin/webhooks/${endpoint.id}`} dir="ltr">
                  {endpoint.url}
                </Link>
              </td>
              <td {...cellLabel(description)}>{endpoint.description}</td>
              <td {...cellLabel(types)}>
                <span>
                  {endpoint.eventTypes.map((type, index) => (
                    <span key={type}>
                      {index > 0 ? ", " : null}
                      <code translate="no">{type}</code>
                    </span>
                  ))}
                </span>
              </td>
              <td {...cellLabel(sending)}>{t(endpoint.enabled ? "admin-webhooks-on" : "admin-webhooks-off")}</td>
              <td {...cellLabel(last)}>
                {endpoint.lastDelivery
                  ? t(LAST_DELIVERY[endpoint.lastDelivery.state], shortDateTime(endpoint.lastDelivery.at, formats), endpoint.lastDelivery.statusCode ?? "–")
                  : t("admin-webhooks-last-none")}
              </td>
              <td {...cellLabel(failed)}>{formatNumber(endpoint.failed, formats)}</td>
            </tr>
          ))}
        </Table>

        <h2>{t("admin-webhooks-add-title")}</h2>
        <p>{t("admin-webhooks-add-intro")}</p>
        <WebhookEndpointForm action={createWebhookAction} />
      </div>
    </ClientMessages>
  );
}
