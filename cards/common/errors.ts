import type { z } from "zod";

/**
 * Where an error that belongs to no single input goes (a missing id, a list
 * with nobody on it): builders show it in the summary at the top of the card.
 */
export const FORM_FIELD = "_form";

export type FieldErrors = Record<string, string>;

/**
 * zod issues as `{ field: message }`, the field being the input's id (the
 * issue path joined with dots: `invitees.3.email`), the first message per
 * field only: one clear thing to fix next to each input.
 */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length === 0 ? FORM_FIELD : issue.path.map(String).join(".");
    if (!(field in out)) out[field] = issue.message;
  }
  return out;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Parse an untrusted submission; on failure, the errors a builder re-renders with. */
export function parseSubmission<S extends z.ZodType>(
  schema: S,
  data: unknown,
): Parsed<z.output<S>> {
  const result = schema.safeParse(data);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: fieldErrors(result.error) };
}
