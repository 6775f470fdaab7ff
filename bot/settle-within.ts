export type Settled<T> = { done: true; value: T } | { done: false };

/**
 * The outcome of `work` if it settles within `ms`, else `{done: false}` and
 * `work` goes on. A rejection inside the budget is rethrown.
 */
export async function settleWithin<T>(work: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value): Settled<T> => ({ done: true, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
