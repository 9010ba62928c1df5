import { createFormControl, type FieldErrors } from "react-hook-form";

import { parseMessage } from "@/lib/domain/messages";
import { sectionSchema, type TSectionContext, type TSectionId } from "@/lib/domain/request/sections";
import { fieldErrorsOf, formValues, type TFieldError } from "@/lib/form-state";

/**
 * What the server will say of a question page's answers, checked in the browser by react-hook-form
 * with the same schema, on what the form would send. The section form loads this (and zod and
 * react-hook-form with it) once the person starts on the form, so the page itself arrives without
 * them (docs/decisions/017-client-messages.md). The fields stay plain inputs the browser owns, as
 * they must for the form to work without JavaScript.
 */
export async function checkSection(section: TSectionId, context: TSectionContext, form: HTMLFormElement): Promise<Record<string, TFieldError>> {
  const { handleSubmit } = createFormControl({
    mode: "onSubmit",
    shouldFocusError: false,
    resolver: async () => {
      const result = sectionSchema(section, context).safeParse(formValues(new FormData(form)));
      const errors: FieldErrors = {};
      if (!result.success) {
        for (const [field, error] of Object.entries(fieldErrorsOf(result.error))) {
          errors[field] = { type: "validate", message: [error.key, ...(error.params ?? [])].join("|") };
        }
      }
      return { values: {}, errors };
    },
  });
  let found: Record<string, TFieldError> = {};
  await handleSubmit(
    () => {},
    (invalid) => {
      found = Object.fromEntries(Object.entries(invalid).map(([field, error]) => [field, parseMessage(String(error?.message ?? ""))]));
    },
  )();
  return found;
}
