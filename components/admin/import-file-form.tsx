"use client";

import Link from "next/link";

import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/fields";
import { cellLabel, Table } from "@/components/ui/table";
import { type TFormAction, useActionForm } from "@/components/ui/use-action-form";
import { inWords } from "@/lib/i18n/translator";

/**
 * Uploads an import file. The answer is either every problem of the file, by row and column
 * (nothing was imported), or what was recorded, with links to the new requests.
 */
export function ImportFileForm({ action }: { action: TFormAction }) {
  const { t, state, formAction, pending, message, text } = useActionForm(action);
  const problems = state.status === "error" ? (state.problems ?? []) : [];
  return (
    <>
      {state.status === "success" && message ? (
        <div className="notice notice--success" role="status">
          <p>{message}</p>
          {state.made && state.made.length > 0 ? (
            <p>
              {t("admin-imports-made")}{" "}
              {state.made.map((made, index) => (
                <span key={made.href}>
                  {index > 0 ? ", " : null}
                  <Link href={made.href}>{made.reference}</Link>
                </span>
              ))}
            </p>
          ) : null}
        </div>
      ) : null}
      <form action={formAction} noValidate>
        <ErrorSummary fieldErrors={state.fieldErrors} message={state.status === "error" ? message : undefined} />
        {problems.length > 0 ? (
          <Table
            caption={t("admin-imports-problems-caption")}
            columns={[t("admin-imports-row"), t("admin-imports-column"), t("admin-imports-problem")]}
            stacked
          >
            {problems.map((problem, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is shown once and never reordered
              <tr key={index}>
                <td {...cellLabel(t("admin-imports-row"))}>{problem.row}</td>
                <td {...cellLabel(t("admin-imports-column"))}>{problem.column ? <code>{problem.column}</code> : t("admin-imports-whole-row")}</td>
                <td {...cellLabel(t("admin-imports-problem"))}>{inWords(t, problem.error)}</td>
              </tr>
            ))}
          </Table>
        ) : null}
        <TextField
          {...text("file")}
          defaultValue={undefined}
          type="file"
          accept=".csv,text/csv"
          label={t("admin-imports-file-label")}
          hint={t("admin-imports-file-hint")}
        />
        <button className="button button--primary" type="submit" disabled={pending}>
          {t("admin-imports-submit")}
        </button>
      </form>
    </>
  );
}
