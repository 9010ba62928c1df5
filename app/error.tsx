"use client";

import { useT } from "@/components/ui/i18n-provider";

/** Shown when a page fails unexpectedly; the details stay in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  return (
    <div className="page narrow">
      <h1>{t("error-page-title")}</h1>
      <p className="lead">{t("error-page-body")}</p>
      <button className="button button--primary" type="button" onClick={reset}>
        {t("error-page-retry")}
      </button>
    </div>
  );
}
