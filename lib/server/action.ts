import "server-only";

import { notFound, unstable_rethrow } from "next/navigation";
import type { z } from "zod";

import { DomainError, FieldRuleError, NotFoundError } from "@/lib/domain/errors";
import { fieldErrorsOf, formValues, type TActionState, type TFormValues } from "@/lib/form-state";
import { getI18n } from "@/lib/i18n/server";
import { withWords } from "@/lib/i18n/translator";
import { log } from "@/lib/log";

import { rememberActingLanguage } from "./language";
import { getViewer, type TViewer } from "./session";

type TServerAction = (previous: TActionState, formData: FormData) => Promise<TActionState>;

/**
 * The one way to run a form's server action: who is calling, the shared schema, and every
 * failure mapped to a message. The language the person acts in is remembered for their emails. Expected outcomes (DomainError) are shown as they are; anything
 * unexpected is logged and shown as a generic message, never as a 500.
 */
export function validatedAction<TSchema extends z.ZodType>(
  name: string,
  schema: TSchema,
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that ends in redirect() returns nothing, typed void
  handler: (viewer: TViewer, input: z.infer<TSchema>, values: TFormValues) => Promise<TActionState | void>,
): TServerAction {
  return runAction(name, async (values) => {
    const viewer = await getViewer();
    if (!viewer) return { status: "error", message: { key: "error-signed-out" }, values };
    const parsed = schema.safeParse(values);
    if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
    await rememberActingLanguage(viewer.id);
    return handler(viewer, parsed.data, values);
  });
}

/**
 * The same for the few actions a signed-out person may take (following a link that proves an
 * address): what gives the right to act is in the input, and the handler checks it.
 */
export function publicAction<TSchema extends z.ZodType>(
  name: string,
  schema: TSchema,
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that ends in redirect() returns nothing, typed void
  handler: (input: z.infer<TSchema>, values: TFormValues) => Promise<TActionState | void>,
): TServerAction {
  return runAction(name, async (values) => {
    const parsed = schema.safeParse(values);
    if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
    return handler(parsed.data, values);
  });
}

// biome-ignore lint/suspicious/noConfusingVoidType: as above, the handlers' own return type
function runAction(name: string, work: (values: TFormValues) => Promise<TActionState | void>): TServerAction {
  return async (_previous, formData) => {
    const values = formValues(formData);
    try {
      return await answerInWords((await work(values)) ?? { status: "success" });
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof NotFoundError) notFound();
      if (error instanceof FieldRuleError) return answerInWords({ status: "error", fieldErrors: error.fieldErrors, values });
      if (error instanceof DomainError) return answerInWords({ status: "error", message: { key: error.messageKey, params: error.params }, values });
      log.error("action.failed", { action: name, error: error instanceof Error ? error.message : String(error) });
      return answerInWords({ status: "error", message: { key: "error-unexpected" }, values });
    }
  };
}

/**
 * The answer's messages put in words here, in the language of the page that sent the form, so a
 * browser is never sent a catalogue of error messages it might need (docs/decisions/017-client-messages.md).
 */
export async function answerInWords(state: TActionState): Promise<TActionState> {
  if (!state.message && !state.fieldErrors) return state;
  const { t } = await getI18n();
  return {
    ...state,
    message: state.message && { ...state.message, text: t(state.message.key, ...(state.message.params ?? [])) },
    fieldErrors: state.fieldErrors && withWords(t, state.fieldErrors),
  };
}
