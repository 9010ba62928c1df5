import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { RequestActionForm } from "@/components/apply/request-action-form";
import { dayOf } from "@/lib/domain/time";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import { longDate } from "@/lib/mail/decision-text";
import { loadOwnRequest } from "@/lib/server/pages";

import { giveUpGrantAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: fullTitle(t, t("give-up-title")) };
}

/** The requester confirms ending their own grant before its expiry. */
export default async function GiveUpPage({ params }: Params) {
  const [{ id }, { t, formats }] = await Promise.all([params, getI18n()]);
  const { request } = await loadOwnRequest(id);
  if (request.status !== "GRANTED" || !request.expiresAt) redirect(`/requests/${request.id}`);
  return (
    <div className="page narrow">
      <h1>{t("give-up-title")}</h1>
      <p className="lead">{t("give-up-body", request.reference ?? "", longDate(dayOf(request.expiresAt), formats))}</p>
      <p>{t("give-up-after")}</p>
      <RequestActionForm action={giveUpGrantAction} request={request} label="give-up-confirm" tone="destructive" />
      <p className="button-group">
        <Link href={`/requests/${request.id}`}>{t("give-up-keep")}</Link>
      </p>
    </div>
  );
}
