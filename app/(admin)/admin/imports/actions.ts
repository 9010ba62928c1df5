"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { NotFoundError } from "@/lib/domain/errors";
import { importRecordSchema, readImportFile, ZImportUpload } from "@/lib/domain/import/record";
import { canAdminister } from "@/lib/domain/roles";
import type { TActionState } from "@/lib/form-state";
import { getI18n } from "@/lib/i18n/server";
import { validatedAction } from "@/lib/server/action";
import { importRequests } from "@/lib/server/admin/imports";
import { today } from "@/lib/server/clock";

const importFile = validatedAction("importRequestsFile", ZImportUpload, async (viewer, { content }) => {
  // Only an admin learns what the file holds wrong, as only an admin may import it.
  if (!canAdminister(viewer.role)) throw new NotFoundError();
  const file = readImportFile(content, today());
  if (!file.ok) {
    const { t } = await getI18n();
    return {
      status: "error",
      message: { key: "admin-imports-problems", params: [file.problems.length] },
      problems: file.problems.map((problem) => ({ ...problem, error: { ...problem.error, text: t(problem.error.key, ...(problem.error.params ?? [])) } })),
    };
  }
  const outcome = await importRequests(viewer, file.records);
  revalidatePath("/admin/imports");
  return {
    status: "success",
    message:
      outcome.alreadyImported.length > 0
        ? { key: "admin-imports-done-skipped", params: [outcome.created.length, outcome.alreadyImported.length] }
        : { key: "admin-imports-done", params: [outcome.created.length] },
    made: outcome.created.map(({ id, reference }) => ({ reference, href: `/review/${id}` })),
  };
});

/** Reads the chosen file as text (UTF-8) and imports it, or answers with every problem it has. */
export async function importFileAction(previous: TActionState, formData: FormData): Promise<TActionState> {
  const file = formData.get("file");
  const upload = new FormData();
  // A file as a browser sends it; text posted in its place is read the same way.
  upload.set("content", file instanceof File ? await file.text() : typeof file === "string" ? file : "");
  const state = await importFile(previous, upload);
  // The schema reads the file's text as `content`; the person chose it in the field `file`.
  if (!state.fieldErrors?.content) return state;
  return { ...state, fieldErrors: { file: state.fieldErrors.content } };
}

/** Records one request from the form; then its page, as reviewers see it. */
export const importRecordAction = validatedAction("importRequest", importRecordSchema(today), async (viewer, record) => {
  const outcome = await importRequests(viewer, [record]);
  const [created] = outcome.created;
  if (!created) return { status: "error", message: { key: "admin-imports-form-already" } };
  revalidatePath("/admin/imports");
  redirect(`/review/${created.id}`);
});
