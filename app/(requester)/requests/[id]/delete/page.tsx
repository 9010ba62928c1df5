import { redirect } from "next/navigation";

import { ConfirmAction } from "@/components/request/confirm-action";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { loadOwnRequest } from "@/lib/server/pages";

import { deleteDraftAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

export const generateMetadata = titledBy("delete-title");

export default async function DeleteDraftPage({ params }: Params) {
  const [{ id }, { t }] = await Promise.all([params, getI18n()]);
  const { request } = await loadOwnRequest(id);
  if (request.status !== "DRAFT") redirect(`/requests/${request.id}`);
  return (
    <ConfirmAction title={t("delete-title")} lead={t("delete-body")} action={deleteDraftAction} request={request} confirm="delete-confirm" keep="delete-keep" />
  );
}
