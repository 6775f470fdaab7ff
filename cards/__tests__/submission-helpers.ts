import type { z } from "zod";
import { parseSubmission, type FieldErrors } from "../common/errors";

/** Parse and expect success; returns the parsed value. */
export function expectValid<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = parseSubmission(schema, data);
  if (!parsed.ok) throw new Error(`expected valid, got ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}

/** Parse and expect exactly these fields to have errors (messages matched loosely). */
export function expectFieldErrors<S extends z.ZodType>(
  schema: S,
  data: unknown,
  fields: Record<string, RegExp>,
): FieldErrors {
  const parsed = parseSubmission(schema, data);
  if (parsed.ok) throw new Error(`expected errors on ${Object.keys(fields).join(", ")}`);
  expect(Object.keys(parsed.errors).sort()).toEqual(Object.keys(fields).sort());
  for (const [field, pattern] of Object.entries(fields)) {
    expect(parsed.errors[field]).toMatch(pattern);
  }
  return parsed.errors;
}

export const CASE_ID = "case-0412";
export const MEETING_ID = "meeting-0412-1";
export const TASK_ID = "meeting-0412-1:invite-list.escalate";
export const PERSON_ID = "6f1c2e1a-3b4d-4c5e-8f90-1a2b3c4d5e6f";
export const ids = { caseId: CASE_ID, meetingId: MEETING_ID, cardVersion: "v3" };
