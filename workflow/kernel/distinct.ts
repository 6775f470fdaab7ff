/** The items with a key not seen before, in order (the first of each key wins). */
export function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Each person once, by Entra object id: one person can hold two of the roles
 * a message goes to (the case's TM who is also a clerk), and must get it once.
 */
export const distinctPeople = <P extends { entraObjectId: string }>(people: readonly P[]): P[] =>
  uniqueBy(people, (p) => p.entraObjectId);
