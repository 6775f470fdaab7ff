import { RecentInvokes } from "./recent-invokes";

describe("RecentInvokes", () => {
  it("shares one run per key within the window, and runs again after it", async () => {
    let now = 0;
    const recent = new RecentInvokes<number>(60_000, 100, () => now);
    let runs = 0;
    const start = async (): Promise<number> => ++runs;
    const first = recent.run("conv|act-1", start);
    const again = recent.run("conv|act-1", start);
    expect([first.fresh, again.fresh]).toEqual([true, false]);
    expect(await again.promise).toBe(1);
    now = 59_000;
    expect(recent.run("conv|act-1", start).fresh).toBe(false);
    now = 200_000;
    const later = recent.run("conv|act-1", start);
    expect(later.fresh).toBe(true);
    expect(await later.promise).toBe(2);
  });

  it("forgets a failed run at once, so Teams' retry runs it again", async () => {
    const recent = new RecentInvokes<number>();
    const failed = recent.run("k", async () => {
      throw new Error("x");
    });
    await expect(failed.promise).rejects.toThrow("x");
    await Promise.resolve();
    expect(recent.run("k", async () => 1).fresh).toBe(true);
  });

  it("stays bounded", async () => {
    const recent = new RecentInvokes<number>(60_000, 3, () => 0);
    for (let i = 0; i < 10; i += 1) await recent.run(`k${i}`, async () => i).promise;
    expect(recent.size).toBeLessThanOrEqual(4);
  });
});
