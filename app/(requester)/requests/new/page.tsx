import Link from "next/link";
import { linkedText } from "@/components/ui/linked-text";
import { PageHeading } from "@/components/ui/page-heading";

import { RequestActionForm } from "@/components/request/request-action-form";
import { longDate } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { listOwnRequests } from "@/lib/server/requests";
import { requireViewer } from "@/lib/server/session";

import { createDraftAction } from "./actions";

export const generateMetadata = titledBy("new-title");

export default async function NewRequestPage() {
  const viewer = await requireViewer("/requests/new");
  const { t, formats } = await getI18n();
  const drafts = (await listOwnRequests(viewer)).requests.filter((request) => request.status === "DRAFT");
  return (
    <div className="page narrow">
      <PageHeading title="new-title" lead="new-intro" />
      <ul>
        <li>{t("new-tip-time")}</li>
        <li>{t("new-tip-saved")}</li>
        <li>{linkedText(t("new-tip-account"))}</li>
      </ul>
      {drafts.length > 0 ? (
        <div className="notice">
          <p>{t("new-drafts", drafts.length)}</p>
          <ul>
            {drafts.map((draft) => (
              <li key={draft.id}>
                <Link href={`/requests/${draft.id}`}>{t("new-continue-draft", longDate(draft.createdAt, formats))}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <RequestActionForm action={createDraftAction} label={t("new-start")} />
    </div>
  );
}
