import { FORM_FIELD, type FieldErrors } from "./errors";
import type { SubmittedValues } from "./values";

/**
 * The summary at the top of a card re-rendered after a malformed
 * submission: it says there are errors below, and spells out those that
 * belong to no input on the card (a missing id, "add at least one person"),
 * which would otherwise be invisible.
 */
export interface ErrorSummary {
  show: boolean;
  lines: string[];
}

export function errorSummary(
  errors: FieldErrors | undefined,
  onCard: (field: string) => boolean,
): ErrorSummary {
  const entries = Object.entries(errors ?? {});
  const elsewhere = entries
    .filter(([field]) => field === FORM_FIELD || !onCard(field))
    .map(([, message]) => message);
  const marked = entries.length - elsewhere.length;
  const lines = [
    ...(marked > 0
      ? [`Please check the ${marked === 1 ? "field" : `${marked} fields`} marked below.`]
      : []),
    ...elsewhere,
  ];
  return { show: lines.length > 0, lines };
}

/**
 * The value each input shows: what was submitted, else the view-model's
 * own, else empty. Every field gets a string (see expand.ts).
 */
export function inputValues<const K extends string>(
  fields: readonly K[],
  submitted: SubmittedValues | undefined,
  defaults: Partial<Record<K, string | boolean | undefined>>,
): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const field of fields) {
    const fromView = defaults[field];
    out[field] = submitted?.[field] ?? (fromView === undefined ? "" : String(fromView));
  }
  return out;
}

/** Errors of the card's own fields only, by field (the template shows each under its input). */
export function fieldErrorsOn<const K extends string>(
  fields: readonly K[],
  errors: FieldErrors | undefined,
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const field of fields) {
    const message = errors?.[field];
    if (message !== undefined) out[field] = message;
  }
  return out;
}
