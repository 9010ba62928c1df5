import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { RequestActionForm } from "@/components/apply/request-action-form";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import { loadOwnRequest } from "@/lib/server/pages";

import { deleteDraftAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: fullTitle(t, t("delete-title")) };
}

export default async function DeleteDraftPage({ params }: Params) {
  const [{ id }, { t }] = await Promise.all([params, getI18n()]);
  const { request } = await loadOwnRequest(id);
  if (request.status !== "DRAFT") redirect(`/requests/${request.id}`);
  return (
    <div className="page narrow">
      <h1>{t("delete-title")}</h1>
      <p className="lead">{t("delete-body")}</p>
      <RequestActionForm action={deleteDraftAction} request={request} label="delete-confirm" tone="destructive" />
      <p className="button-group">
        <Link href={`/requests/${request.id}`}>{t("delete-keep")}</Link>
      </p>
    </div>
  );
}
