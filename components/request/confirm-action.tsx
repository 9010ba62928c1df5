import type { ReactNode } from "react";
import Link from "next/link";

import type { TFormAction } from "@/components/ui/use-action-form";
import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";

import { RequestActionForm } from "./request-action-form";

type Props = {
  title: string;
  lead: ReactNode;
  /** What happens afterwards, when there is more to say. */
  after?: string;
  action: TFormAction;
  request: { id: string; version: number };
  confirm: TMessageKey;
  keep: TMessageKey;
};

/** A page asking the requester to confirm what cannot be undone on their request, with the way back beside it. */
export async function ConfirmAction({ title, lead, after, action, request, confirm, keep }: Props) {
  const { t } = await getI18n();
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      <p className="lead">{lead}</p>
      {after ? <p>{after}</p> : null}
      <RequestActionForm action={action} request={request} label={t(confirm)} tone="destructive" />
      <p className="button-group">
        <Link href={`/requests/${request.id}`}>{t(keep)}</Link>
      </p>
    </div>
  );
}
