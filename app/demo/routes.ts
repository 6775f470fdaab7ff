import { z } from "zod";
import type { DemoRoute } from "../../bot/demo-routes";
import type { DemoClock } from "./clock";

const ClockBody = z.union([
  z.object({ to: z.iso.datetime({ offset: true }) }).strict(),
  z.object({ advanceMinutes: z.number().int().positive().max(525_600) }).strict(),
]);

/**
 * POST /api/demo/clock {"to": ISO} or {"advanceMinutes": N}: moves the demo
 * clock forward and sweeps the scheduler at once, so due reminders and
 * escalations appear in the Playground. GET answers the demo time.
 */
export function demoRoutes(clock: DemoClock, sweep: () => Promise<unknown>): DemoRoute[] {
  return [
    {
      method: "GET",
      path: "/api/demo/clock",
      handle: async () => ({ status: 200, body: { now: clock.now().toISOString() } }),
    },
    {
      method: "POST",
      path: "/api/demo/clock",
      handle: async (body) => {
        const parsed = ClockBody.safeParse(body);
        if (!parsed.success) {
          return {
            status: 400,
            body: { error: 'send {"to": ISO date-time} or {"advanceMinutes": N}' },
          };
        }
        const to =
          "to" in parsed.data
            ? new Date(parsed.data.to)
            : new Date(clock.now().getTime() + parsed.data.advanceMinutes * 60_000);
        const now = clock.advanceTo(to);
        await sweep();
        return { status: 200, body: { now: now.toISOString() } };
      },
    },
  ];
}
