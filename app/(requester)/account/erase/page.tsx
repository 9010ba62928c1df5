import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";

import { MessageList } from "@/components/ui/message-list";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { erasureBlockers, mayEraseOwnData } from "@/lib/server/personal-data";
import { requireViewer } from "@/lib/server/session";

import { EraseForm } from "./erase-form";
import { ClientMessages } from "@/components/ui/client-messages";
import { ERASE_MESSAGES } from "@/lib/i18n/client-messages";

export const generateMetadata = titledBy("erase-title");

export default async function ErasePage() {
  const viewer = await requireViewer("/account/erase");
  const [{ t }, blockers] = await Promise.all([getI18n(), erasureBlockers(viewer)]);
  const staff = !mayEraseOwnData(viewer);
  return (
    <div className="page narrow">
      <PageHeading title="erase-title" lead="erase-lead" />
      <h2>{t("erase-gone-title")}</h2>
      <MessageList items={["erase-gone-account", "erase-gone-requests", "erase-gone-drafts", "erase-gone-emails"]} />
      <h2>{t("erase-stays-title")}</h2>
      <p>{t("erase-stays-body")}</p>
      <p>{t("erase-final")}</p>
      {staff ? (
        <p className="notice notice--warning">{t("error-erase-staff")}</p>
      ) : blockers > 0 ? (
        <div className="notice notice--warning">
          <p>{t("error-erase-open")}</p>
          <p>
            <Link href="/requests">{t("erase-see-requests")}</Link>
          </p>
        </div>
      ) : (
        <ClientMessages set={ERASE_MESSAGES}>
          <EraseForm />
        </ClientMessages>
      )}
      <p className="button-group">
        <Link href="/account">{t("erase-keep")}</Link>
      </p>
    </div>
  );
}
