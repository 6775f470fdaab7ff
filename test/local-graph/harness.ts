import type { CalendarConfig, GraphCredential } from "../../app/config";
import { silentLogger } from "../../app/logger";
import {
  createCalendar,
  type CalendarDeps,
  type ClosableCalendar,
} from "../../graph/create-calendar";
import { ORGANIZER } from "./booking-fixture";
import type { LocalGraph } from "./server";
import { StaticTokenCredential } from "./static-token-credential";

/** The fixed instant tests and the bench give the adapter as its clock. */
export const TEST_NOW = new Date("2026-12-01T09:00:00.000Z");

/** A `kind: "graph"` configuration pointing at the local Graph. */
export function graphConfigFor(
  graph: LocalGraph,
  credential: GraphCredential = {
    kind: "secret",
    clientSecret: "unused-with-an-injected-credential",
  },
): CalendarConfig {
  return {
    kind: "graph",
    tenantId: graph.tenantId,
    clientId: graph.clientId,
    credential,
    baseUrl: graph.baseUrl,
    organizer: ORGANIZER,
  };
}

/**
 * The Graph adapter wired to the local Graph: its certificate trusted, a
 * static token (pass the same to startLocalGraph's acceptTokens), a fixed
 * clock and a sleep that records instead of waiting.
 */
export function graphCalendarFor(
  graph: LocalGraph,
  token: string,
  deps: Partial<CalendarDeps> & { slept?: number[] } = {},
): ClosableCalendar {
  const { slept, ...rest } = deps;
  return createCalendar(graphConfigFor(graph), {
    logger: silentLogger,
    credential: new StaticTokenCredential(token),
    ca: graph.ca,
    clock: () => TEST_NOW,
    sleep: async (ms) => {
      slept?.push(ms);
    },
    random: () => 0.5,
    timeoutMs: 5_000,
    ...rest,
  });
}
