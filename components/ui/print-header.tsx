import { longDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { now } from "@/lib/server/clock";

import { PrintButton } from "./print-button";

/** On screen, a Print button; on paper, the moment the record was read, under the page's title. */
export async function PrintHeader() {
  const { t, formats } = await getI18n();
  const at = longDateTime(now(), formats);
  return (
    <>
      <p className="print-only">{t("print-as-of", at)}</p>
      <PrintButton />
    </>
  );
}
