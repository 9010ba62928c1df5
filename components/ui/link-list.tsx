import Link from "next/link";

import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";

/** A list of links within the site, each named by a message. */
export async function LinkList({ links, className }: { links: readonly (readonly [href: string, label: TMessageKey])[]; className?: string }) {
  const { t } = await getI18n();
  return (
    <ul className={className}>
      {links.map(([href, label]) => (
        <li key={href}>
          <Link href={href}>{t(label)}</Link>
        </li>
      ))}
    </ul>
  );
}
