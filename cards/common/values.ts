/**
 * What the person typed, as the strings a card's inputs take back as their
 * `value`, so a card re-rendered with errors loses nothing. Only plain
 * scalars are kept (a malformed submission may hold anything).
 */
export type SubmittedValues = Record<string, string>;

export function submittedValues(data: unknown): SubmittedValues {
  const out: SubmittedValues = {};
  if (typeof data !== "object" || data === null) return out;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === "string") out[key] = value;
    else if (typeof value === "boolean" || typeof value === "number") out[key] = String(value);
  }
  return out;
}
