import Link from "next/link";

import { WebhookButtonForm } from "@/components/admin/webhook-button-form";
import { WebhookDeliveries } from "@/components/admin/webhook-deliveries";
import { WebhookEndpointForm } from "@/components/admin/webhook-endpoint-form";
import { Done } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { canAdminister } from "@/lib/domain/roles";
import { cursorId, readSearch, type TPageSearch } from "@/lib/domain/search-params";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { getEndpoint, listDeliveries } from "@/lib/server/admin/webhooks";
import { requireRole } from "@/lib/server/session";

import { resendWebhookDeliveryAction, rotateWebhookSecretAction, sendWebhookTestAction, updateWebhookAction } from "../actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { ADMIN_MESSAGES } from "@/lib/i18n/client-messages";

export const generateMetadata = titledBy("admin-webhook-title");

type Props = TPageSearch & { params: Promise<{ id: string }> };

export default async function AdminWebhookPage({ params, searchParams }: Props) {
  const [{ id }, search] = await Promise.all([params, readSearch(searchParams)]);
  const viewer = await requireRole(`/admin/webhooks/${id}`, canAdminister);
  const { t } = await getI18n();
  const endpoint = await getEndpoint(viewer, id);
  const after = cursorId.parse(search.after);
  const { deliveries, next } = await listDeliveries(viewer, endpoint, after);
  const here = `/admin/webhooks/${endpoint.id}`;
  return (
    <ClientMessages set={ADMIN_MESSAGES.webhooks}>
      <div className="page">
        <p>
          <Link href="/admin/webhooks">{t("admin-webhook-back")}</Link>
        </p>
        <h1>{t("admin-webhook-title")}</h1>
        <p className="lead break-anywhere" dir="ltr">
          {endpoint.url}
        </p>
        {search.resent ? <Done>{t("admin-webhooks-resent")}</Done> : null}

        <h2>{t("admin-webhook-edit-title")}</h2>
        <WebhookEndpointForm action={updateWebhookAction} saved={endpoint} />

        <h2>{t("admin-webhook-test-title")}</h2>
        <p>{t("admin-webhook-test-intro")}</p>
        <WebhookButtonForm action={sendWebhookTestAction} fields={{ endpointId: endpoint.id }} label={t("admin-webhook-test")} quiet />

        <h2>{t("admin-webhook-secret-title")}</h2>
        <p>{t("admin-webhook-secret-intro")}</p>
        <WebhookButtonForm
          action={rotateWebhookSecretAction}
          fields={{ endpointId: endpoint.id, version: endpoint.version }}
          label={t("admin-webhook-rotate")}
          quiet
        />

        <h2 id="deliveries-title">{t("admin-webhook-deliveries-title")}</h2>
        <p>{t("admin-webhook-deliveries-intro")}</p>
        <WebhookDeliveries deliveries={deliveries} resendAction={resendWebhookDeliveryAction} />
        <Pagination firstHref={after ? here : undefined} nextHref={next ? `${here}?after=${next}` : undefined} />
      </div>
    </ClientMessages>
  );
}
