/** `{ key: value }` when the value is there, `{}` when not: for optional fields of a card or document. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
