import { redirect } from "next/navigation";

import { ConfirmAction } from "@/components/request/confirm-action";
import { referenceMessage } from "@/components/ui/reference";
import { may } from "@/lib/domain/permissions";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { loadOwnRequest } from "@/lib/server/pages";

import { cancelRequestAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

export const generateMetadata = titledBy("cancel-title");

export default async function CancelPage({ params }: Params) {
  const [{ id }, { t }] = await Promise.all([params, getI18n()]);
  const { viewer, request } = await loadOwnRequest(id);
  if (!may(viewer, { status: request.status, requesterId: viewer.id }, "cancel")) redirect(`/requests/${request.id}`);
  return (
    <ConfirmAction
      title={t("cancel-title")}
      lead={referenceMessage(t, "cancel-body", request.reference ?? "")}
      after={t("cancel-after")}
      action={cancelRequestAction}
      request={request}
      confirm="cancel-confirm"
      keep="cancel-keep"
    />
  );
}
