import type { ReactNode } from "react";

import { longDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { now } from "@/lib/server/clock";

import { PrintButton } from "./print-button";

type Props = {
  /** Where the request stands: its status and dates. */
  status: ReactNode;
  /** What the page offers to do with the whole request, beside the Print button. */
  actions?: ReactNode;
};

/**
 * A request's status line, with the page's actions and the Print button at its end; on paper, the
 * moment the record was read instead of the buttons.
 */
export async function PrintHeader({ status, actions }: Props) {
  const { t, formats } = await getI18n();
  const at = longDateTime(now(), formats);
  return (
    <>
      <p className="print-only">{t("print-as-of", at)}</p>
      <div className="page-status">
        <p>{status}</p>
        <div className="page-status__actions no-print">
          {actions}
          <PrintButton />
        </div>
      </div>
    </>
  );
}
