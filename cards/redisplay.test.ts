import type { z } from "zod";
import type { CardJson } from "../ports/notifier";
import { buildBookCard } from "./book/build";
import { buildCaseMappingCard } from "./case-mapping/build";
import { CASE_MAPPING_CHAIRS, caseMappingSample } from "./case-mapping/sample";
import { bookSample } from "./book/sample";
import { buildBookingConfirmationCard } from "./booking-confirmation/build";
import { bookingConfirmationSample } from "./booking-confirmation/sample";
import { parseSubmission } from "./common/errors";
import { submittedValues } from "./common/values";
import type { Redisplay } from "./common/view-model";
import { buildFamilyAccessCard } from "./family-access/build";
import { familyAccessSample } from "./family-access/sample";
import { buildOutcomeCard } from "./outcome/build";
import { outcomeSample } from "./outcome/sample";
import { buildQuoracyForecastCard } from "./quoracy-forecast/build";
import { quoracyForecastSample } from "./quoracy-forecast/sample";
import { buildReportStatusCard } from "./report-status/build";
import { reportStatusSample } from "./report-status/sample";
import { SUBMISSIONS } from "../workflow";
import { buildTaskAlertCard } from "./task-alert/build";
import { escalationSample, reminderSample } from "./task-alert/sample";
import { defaultSubmission, expectWellFormedCard, visibleText } from "./__tests__/card-checks";
import { VERBS, type Verb } from "./verbs";

/**
 * The loop workflow/ runs on every invoke: parse the card's data by verb;
 * if malformed, rebuild the card with the errors and what was typed. Each
 * case: the card as rendered (plus `fill`) is a valid submission, and with
 * `spoil` applied it comes back with `expect` visible and the values kept.
 */
interface Case {
  name: string;
  verb: Verb;
  build: (r: Redisplay) => CardJson;
  fill?: Record<string, string>;
  spoil: Record<string, string>;
  expect: string[];
}

const CASES: Case[] = [
  {
    name: "book a slot inside the limit",
    verb: VERBS.book,
    build: (r) => buildBookCard({ ...bookSample, ...r }),
    fill: { slotId: "2027-01-06T14:00" },
    spoil: { slotId: "" },
    expect: ["Choose a slot", "Please check the field marked below."],
  },
  {
    name: "book past the limit (errors in the folded ShowCard are also in the summary)",
    verb: VERBS.bookPastLimit,
    build: (r) => buildBookCard({ ...bookSample, ...r }),
    fill: {
      pastLimitSlotId: "2027-01-08T10:00",
      approverId: bookSample.approval.approvers[0]!.id,
      pastLimitReason: "Only slot the chair and family can make",
    },
    spoil: { approverId: "", pastLimitReason: "Only slot the chair and family can make" },
    expect: ["Choose who approves booking past the limit"],
  },
  {
    name: "decline a booking",
    verb: VERBS.declineBooking,
    build: (r) => buildBookingConfirmationCard({ ...bookingConfirmationSample, ...r }),
    fill: { declineReason: "I chaired the father's previous case" },
    spoil: { declineReason: "   " },
    expect: ["Say why you are declining"],
  },
  {
    name: "family access",
    verb: VERBS.submitFamilyAccess,
    build: (r) =>
      buildFamilyAccessCard({
        ...familyAccessSample,
        ...r,
        values: r.values ?? familyAccessSample.values,
      }),
    spoil: { interpreterLanguage: "", dataOrWifi: "false" },
    expect: [
      "Enter the language the interpreter is needed for",
      "Joining by video needs a device with video and data or Wi-Fi",
      "Please check the 2 fields marked below.",
    ],
  },
  {
    name: "report status",
    verb: VERBS.updateReportStatus,
    build: (r) => buildReportStatusCard({ ...reportStatusSample, ...r }),
    // A tampered toggle ("maybe") is covered by the schema's own tests: zod runs
    // the cross-field checks only once every field parses.
    spoil: { drafted: "false", "agencies.school.received": "false" },
    expect: ["The report cannot be quality-assured before it is drafted"],
  },
  {
    name: "reminder done",
    verb: VERBS.taskDone,
    build: (r) => buildTaskAlertCard({ ...reminderSample, ...r }),
    spoil: { taskId: "" },
    expect: ["The card has no task id"],
  },
  {
    name: "reassign an escalation",
    verb: VERBS.taskReassign,
    build: (r) => buildTaskAlertCard({ ...escalationSample, ...r }),
    fill: { reassignTo: escalationSample.reassignTo![0]!.id },
    spoil: { reassignTo: "", reassignNote: "Please pick this up today" },
    expect: ["Choose who to reassign it to"],
  },
  {
    name: "approve an escalation",
    verb: VERBS.taskApprove,
    build: (r) => buildTaskAlertCard({ ...escalationSample, ...r }),
    fill: { approvalRationale: "Chair off sick; earliest cover is after the limit" },
    spoil: { approvalRationale: "" },
    expect: ["Give the rationale for approving"],
  },
  {
    name: "outcome",
    verb: VERBS.recordOutcome,
    build: (r) => buildOutcomeCard({ ...outcomeSample, ...r }),
    fill: {
      "plan_child-0412-a": "yes",
      "category_child-0412-a": "emotional-abuse",
      "plan_child-0412-b": "no",
      nextRcpcDate: "2027-04-01",
      coreGroupDate: "2027-01-20",
    },
    spoil: { nextRcpcDate: "2027-04-08" },
    expect: ["The next RCPC must be held by Wed 7 Apr 2027"],
  },
  {
    name: "nudge an agency",
    verb: VERBS.quoracyNudge,
    build: (r) => buildQuoracyForecastCard({ ...quoracyForecastSample, ...r }),
    fill: { agencyKey: "police" },
    spoil: { agencyKey: "" },
    expect: ["Choose an agency to nudge", "Please check the field marked below."],
  },
  {
    name: "ask the social worker",
    verb: VERBS.quoracyAskSocialWorker,
    build: (r) => buildQuoracyForecastCard({ ...quoracyForecastSample, ...r }),
    spoil: { note: "x".repeat(501) },
    expect: ["Keep this under 500 characters"],
  },
  {
    name: "propose a stand-down",
    verb: VERBS.quoracyProposeStandDown,
    build: (r) => buildQuoracyForecastCard({ ...quoracyForecastSample, ...r }),
    fill: { standDownRationale: "Police and health declined; no reports" },
    spoil: { standDownRationale: " " },
    expect: ["Give the rationale for standing the meeting down"],
  },
  {
    name: "allocate case mappings (a month's list: the error belongs to no one input)",
    verb: VERBS.caseMappingAllocate,
    build: (r) => buildCaseMappingCard({ ...caseMappingSample, ...r }),
    fill: { "allocations.0.chairId": CASE_MAPPING_CHAIRS[2]!.id },
    spoil: {
      "allocations.0.chairId": "",
      "allocations.3.chairId": "",
      "allocations.4.chairId": "",
    },
    expect: ["Choose a chair for at least one case"],
  },
];

describe.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  const schema: z.ZodType = SUBMISSIONS[c.verb];

  it("the card as rendered (and filled in) is a valid submission", () => {
    const data = { ...defaultSubmission(c.build({}), c.verb), ...c.fill };
    const parsed = parseSubmission(schema, data);
    expect(parsed.ok ? "ok" : parsed.errors).toBe("ok");
  });

  it("a malformed one comes back with the errors shown and what was typed kept", () => {
    const data = { ...defaultSubmission(c.build({}), c.verb), ...c.fill, ...c.spoil };
    const parsed = parseSubmission(schema, data);
    if (parsed.ok) throw new Error("expected errors");
    const again = c.build({ errors: parsed.errors, values: submittedValues(data) });
    expectWellFormedCard(again);
    const text = visibleText(again);
    for (const message of c.expect) expect(text).toContain(message);
    for (const [field, value] of Object.entries({ ...c.fill, ...c.spoil })) {
      if (value.trim() !== "" && !field.startsWith("agencies.") && field !== "taskId")
        expect(defaultSubmission(again, c.verb)[field]).toBe(value);
    }
  });
});
