"use client";

import Link from "next/link";

import { useT } from "@/components/ui/i18n-provider";

type Props = { secret: string; href?: string };

/**
 * A new signing secret, shown in the answer that made it and never again: in a block that is easy
 * to select and copy, with the warning that it will not be shown again.
 */
export function ShownOnceSecret({ secret, href }: Props) {
  const t = useT();
  return (
    <div className="panel panel--secret" role="status" aria-labelledby="secret-title">
      <h2 id="secret-title">{t("admin-webhooks-secret-title")}</h2>
      <p>{t("admin-webhooks-secret-once")}</p>
      <p>
        <code className="secret" dir="ltr" translate="no" data-testid="webhook-secret">
          {secret}
        </code>
      </p>
      {href ? (
        <p>
          <Link href={href}>{t("admin-webhooks-secret-to-endpoint")}</Link>
        </p>
      ) : null}
    </div>
  );
}
