/**
 * Inputs of repeated rows have dotted ids (`invitees.3.email`,
 * `agencies.police.received`) so that an error path joined with dots is the
 * id of the input it belongs to. This groups the flat keys Teams submits
 * under one prefix: `rowsOf(data, "invitees")` → `[{...}, {...}]` by index.
 */
const UNSAFE = new Set(["__proto__", "constructor", "prototype"]);

/** `prefix.<key>.<field>` → `{ key: { field: value } }` (prototype-free). */
export function groupOf(data: unknown, prefix: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = Object.create(null) as Record<
    string,
    Record<string, unknown>
  >;
  if (typeof data !== "object" || data === null) return out;
  const head = `${prefix}.`;
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith(head)) continue;
    const rest = key.slice(head.length);
    const dot = rest.indexOf(".");
    if (dot <= 0) continue;
    const group = rest.slice(0, dot);
    const field = rest.slice(dot + 1);
    if (UNSAFE.has(group) || UNSAFE.has(field) || field === "") continue;
    const row = (out[group] ??= Object.create(null) as Record<string, unknown>);
    row[field] = value;
  }
  return out;
}

/**
 * `prefix.<n>.<field>` → an array by index n (0 ≤ n < max); missing indexes
 * are empty rows, so each row keeps the index of its inputs on the card.
 * Returns undefined if an index is not a small whole number.
 */
export function rowsOf(
  data: unknown,
  prefix: string,
  max: number,
): Record<string, unknown>[] | undefined {
  const groups = groupOf(data, prefix);
  const rows: Record<string, unknown>[] = [];
  for (const [key, row] of Object.entries(groups)) {
    if (!/^(0|[1-9]\d{0,3})$/.test(key)) return undefined;
    const index = Number(key);
    if (index >= max) return undefined;
    rows[index] = { ...row };
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= {};
  return rows;
}
