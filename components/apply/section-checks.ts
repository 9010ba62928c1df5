import { sectionSchema, type TSectionContext, type TSectionId } from "@/lib/domain/request/sections";
import { fieldErrorsOf, formValues, type TFieldError } from "@/lib/form-state";

/**
 * What the server will say of a question page's answers, checked in the browser with the same
 * schema. The section form loads this (and zod with it) once the person starts on the form, so
 * the page itself arrives without it (docs/decisions/017-client-messages.md).
 */
export function checkSection(section: TSectionId, context: TSectionContext, form: HTMLFormElement): Record<string, TFieldError> {
  const result = sectionSchema(section, context).safeParse(formValues(new FormData(form)));
  return result.success ? {} : fieldErrorsOf(result.error);
}
