import type { Metadata } from "next";
import { Done } from "@/components/ui/notice";

import { ConfirmContactForm } from "@/components/apply/confirm-contact-form";
import { isolatedMessage } from "@/components/ui/isolated-message";
import { readSearch, type TPageSearch } from "@/lib/domain/search-params";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import { contactLink } from "@/lib/server/contact";

import { confirmContactAction } from "./actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { CONFIRM_CONTACT_MESSAGES } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: fullTitle(t, t("contact-confirm-title")), robots: { index: false } };
}

/**
 * Where a contact address confirmation link lands. Following the link only shows this page: a
 * mail scanner that opens links confirms nothing; the person's button does.
 */
export default async function ConfirmContactPage({ searchParams }: TPageSearch) {
  const [{ t }, params] = await Promise.all([getI18n(), readSearch(searchParams)]);
  const link = params.confirmed ? undefined : await contactLink(params.token);
  return (
    <div className="page narrow">
      <h1>{t("contact-confirm-title")}</h1>
      {params.confirmed ? (
        <Done>{t("contact-confirm-done")}</Done>
      ) : !link || link.expired ? (
        <p className="notice notice--warning">{t("contact-confirm-invalid")}</p>
      ) : (
        <>
          <p className="lead">
            {link.name ? isolatedMessage(t, "contact-confirm-intro-named", link.email, link.name) : isolatedMessage(t, "contact-confirm-intro", link.email)}
          </p>
          <p>{t("contact-confirm-explain")}</p>
          <ClientMessages set={CONFIRM_CONTACT_MESSAGES}>
            <ConfirmContactForm action={confirmContactAction} token={params.token ?? ""} />
          </ClientMessages>
        </>
      )}
    </div>
  );
}
