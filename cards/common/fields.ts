import { z } from "zod";

/**
 * zod building blocks for what an Adaptive Card submits. Teams sends every
 * input as a string (Input.Toggle "true"/"false", a multi-select ChoiceSet
 * "a,b", Input.Date "YYYY-MM-DD", an empty text box ""), so each helper
 * accepts that string form (and the typed form, for tests and replays) and
 * gives a plain-English message the card can show next to the field.
 */

/** Trim text; an empty or blank box counts as not given. */
export function blankToUndefined(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

export function requiredText(message: string, max = 500) {
  return z.preprocess(
    blankToUndefined,
    z.string({ error: message }).max(max, `Keep this under ${max} characters`),
  );
}

export function optionalText(max = 2000) {
  return z.preprocess(
    blankToUndefined,
    z.string({ error: "Enter text" }).max(max, `Keep this under ${max} characters`).optional(),
  );
}

/** Input.Toggle: "true"/"false" (or a boolean); absent means off. */
export function toggle() {
  return z.preprocess(
    (v) => (v === undefined || v === "" ? false : v === "true" ? true : v === "false" ? false : v),
    z.boolean({ error: "Must be on or off" }),
  );
}

/** A single-choice Input.ChoiceSet. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess(blankToUndefined, z.enum(values, { error: message }));
}

/** A multi-select Input.ChoiceSet: Teams joins the chosen values with commas. */
export function multiChoice<S extends z.ZodType<string>>(item: S) {
  return z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s !== "")
        : v === undefined
          ? []
          : v,
    z.array(item),
  );
}

/** Input.Date: "YYYY-MM-DD", a real calendar date (2027-02-30 is refused). */
export function localDate(message: string) {
  return z.preprocess(blankToUndefined, z.iso.date({ error: message }));
}

export function optionalLocalDate(message: string) {
  return z.preprocess(blankToUndefined, z.iso.date({ error: message }).optional());
}

/** An Entra object id picked from a list the card offered (approver, reassignee). */
export function personChoice(message: string) {
  return z.preprocess(blankToUndefined, z.guid({ error: message }));
}
