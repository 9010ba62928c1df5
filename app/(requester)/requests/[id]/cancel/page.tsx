import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { RequestActionForm } from "@/components/apply/request-action-form";
import { requesterMayCancel } from "@/lib/domain/request/state-machine";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import { loadOwnRequest } from "@/lib/server/pages";

import { cancelRequestAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: fullTitle(t, t("cancel-title")) };
}

export default async function CancelPage({ params }: Params) {
  const [{ id }, { t }] = await Promise.all([params, getI18n()]);
  const { request } = await loadOwnRequest(id);
  if (!requesterMayCancel(request.status)) redirect(`/requests/${request.id}`);
  return (
    <div className="page narrow">
      <h1>{t("cancel-title")}</h1>
      <p className="lead">{t("cancel-body", request.reference ?? "")}</p>
      <p>{t("cancel-after")}</p>
      <RequestActionForm action={cancelRequestAction} request={request} label="cancel-confirm" tone="destructive" />
      <p className="button-group">
        <Link href={`/requests/${request.id}`}>{t("cancel-keep")}</Link>
      </p>
    </div>
  );
}
