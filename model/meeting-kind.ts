import { z } from "zod";

/** The three kinds of meeting Convene runs (docs/rules.md, words). */
export const MEETING_KINDS = ["ICPC", "RCPC", "CLA"] as const;
export const MeetingKind = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof MeetingKind>;
