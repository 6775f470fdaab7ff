import { Limiter } from "./limiter";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("Limiter", () => {
  it("never lets more than its capacity run at once", async () => {
    const limiter = new Limiter(4);
    let running = 0;
    let max = 0;
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        limiter.run(async () => {
          running++;
          max = Math.max(max, running);
          await new Promise((r) => setImmediate(r));
          if (i % 7 === 0) await new Promise((r) => setImmediate(r));
          running--;
        }),
      ),
    );
    expect(max).toBe(4);
    expect(limiter.peakInUse).toBe(4);
    expect(limiter.inUse).toBe(0);
  });

  it("counts a weighted task as several permits and keeps first-come order", async () => {
    const limiter = new Limiter(4);
    const order: string[] = [];
    const gate = deferred();
    const first = limiter.run(async () => {
      order.push("single-1 start");
      await gate.promise;
    });
    const batch = limiter.run(async () => {
      order.push("batch start");
    }, 4);
    const later = limiter.run(async () => {
      order.push("single-2 start");
    });
    await new Promise((r) => setImmediate(r));
    // The batch needs all 4 permits; the later single request must not jump it.
    expect(order).toEqual(["single-1 start"]);
    gate.resolve();
    await Promise.all([first, batch, later]);
    expect(order).toEqual(["single-1 start", "batch start", "single-2 start"]);
  });

  it("releases its permits when the work throws", async () => {
    const limiter = new Limiter(1);
    await expect(
      limiter.run(async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await expect(limiter.run(async () => "ok")).resolves.toBe("ok");
  });

  it("clamps weights to its capacity and refuses a nonsense capacity", async () => {
    const limiter = new Limiter(2);
    await expect(limiter.run(async () => limiter.inUse, 20)).resolves.toBe(2);
    expect(() => new Limiter(0)).toThrow(RangeError);
  });
});
