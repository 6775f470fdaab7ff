import { VERBS } from "../../../cards/verbs";
import type { Case } from "../../../model";
import type { ActionResponse } from "../../../ports";
import { cardActions } from "../../fakes/recording-notifier";
import { decisionsFor } from "../journey";
import type { World } from "../world";
import { Q } from "./staff";

/**
 * The steps of a quarter's work, as the people do them through the bot's
 * handlers (the same entry points Teams calls): request, book, invite list,
 * family access, outcome. Case-generic versions of ../journey.ts.
 */

/** Fails the scenario if the handler refused (a refusal card) or could not finish. */
export function accepted(response: ActionResponse, what: string): ActionResponse {
  const text = JSON.stringify(response);
  // A refusal card, a card shown again with a field to correct, or a
  // "try again" message: the step did not happen.
  if (
    response.kind === "message" ||
    /You can't do this|Not done:|Please check the field/.test(text)
  )
    throw new Error(`${what} refused: ${text.slice(0, 400)}`);
  return response;
}

export const childIdsOf = (kase: Case): string => kase.children.map((c) => c.id).join(",");

export async function requestIcpc(
  world: World,
  kase: Case,
  input: { strategy: string; at: string },
): Promise<string> {
  await world.advanceTo(input.at);
  const response = await world.act(Q.socialWorker, VERBS.requestConference, {
    caseId: kase.id,
    meetingKind: "ICPC",
    childIds: childIdsOf(kase),
    indexChildId: kase.indexChildId,
    strategyDate: input.strategy,
  });
  accepted(response, "request");
  await world.runDue();
  return `${kase.id}.icpc.${input.strategy}`;
}

/** The clerk books the offered slot starting at `slotStart` (an ISO instant). */
export async function bookOffered(
  world: World,
  kase: Case,
  meetingId: string,
  input: { slotStart: string; at: string },
): Promise<void> {
  await world.advanceTo(input.at);
  const meeting = await world.store.get("meeting", meetingId, kase.id);
  const slot = meeting?.offer?.slots.find((s) => s.start === input.slotStart);
  if (slot === undefined)
    throw new Error(
      `slot ${input.slotStart} not offered: ${JSON.stringify(meeting?.offer?.slots.map((s) => s.start))}`,
    );
  const response = await world.act(
    Q.clerk,
    VERBS.book,
    { caseId: kase.id, meetingId, slotId: slot.id, inPerson: "false" },
    `clerk-card-${meetingId}`,
  );
  accepted(response, "booking");
  await world.runDue();
}

/** Two agencies, one parent, one police check with its reason. */
export function inviteList(kase: Case, meetingId: string): Record<string, unknown> {
  const tag = kase.reference.toLowerCase();
  const rows = [
    {
      name: "PC Dana Officer",
      role: "Police officer",
      agency: "Police",
      email: `police.${tag}@police.example`,
      relation: "professional",
      policeCheck: "false",
    },
    {
      name: "Dr Eli Practitioner",
      role: "GP",
      agency: "Health",
      email: `gp.${tag}@nhs.example`,
      relation: "professional",
      policeCheck: "false",
    },
    {
      name: "Fran Parent",
      role: "Mother",
      email: `parent.${tag}@home.example`,
      relation: "family",
      policeCheck: "true",
      policeCheckReason: "Lives in the household; previous call-outs",
      // The police need both to find the right person.
      dob: "1990-02-03",
      address: "2 Example Street, Exampletown EX2 2BB",
    },
  ];
  const data: Record<string, unknown> = { caseId: kase.id, meetingId };
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) data[`invitees.${i}.${k}`] = v;
  });
  return data;
}

export async function submitInviteList(
  world: World,
  kase: Case,
  meetingId: string,
  at: string,
): Promise<void> {
  await world.advanceTo(at);
  const response = await world.act(
    Q.socialWorker,
    VERBS.submitInviteList,
    inviteList(kase, meetingId),
  );
  accepted(response, "list");
  await world.act(Q.socialWorker, VERBS.submitFamilyAccess, {
    caseId: kase.id,
    meetingId,
    smartphoneWithVideo: "true",
    dataOrWifi: "true",
    hasTeams: "false",
    joiningBy: "video",
    interpreterNeeded: "false",
    reportSharing: "secure-email",
    splitConference: "false",
  });
  await world.runDue();
}

/** The chair records the outcome at `at` (on the meeting's day). */
export async function recordOutcome(
  world: World,
  kase: Case,
  meetingId: string,
  input: {
    at: string;
    meetingDate: string;
    nextRcpcLimit: string;
    plan: boolean;
    /** The children the conference was about; every child of the case by default. */
    childIds?: string[];
    nextRcpcDate?: string;
    /** The next RCPC's start time (it is booked at once); 10:00 unless said. */
    nextRcpcTime?: string;
    coreGroupLimit?: string;
    coreGroupDate?: string;
    chair?: string;
  },
): Promise<void> {
  await world.advanceTo(input.at);
  const response = await world.act(input.chair ?? Q.chair, VERBS.recordOutcome, {
    caseId: kase.id,
    meetingId,
    meetingDate: input.meetingDate,
    nextRcpcLimit: input.nextRcpcLimit,
    ...decisionsFor(input.childIds ?? kase.children.map((c) => c.id), input.plan),
    ...(input.plan
      ? {
          nextRcpcDate: input.nextRcpcDate,
          nextRcpcTime: input.nextRcpcTime ?? "10:00",
          coreGroupLimit: input.coreGroupLimit,
          coreGroupDate: input.coreGroupDate,
        }
      : {}),
  });
  accepted(response, "outcome");
  await world.runDue();
}

/** A further case of the quarter, with the demo's people on it. */
export async function addCase(
  world: World,
  reference: string,
  children: Omit<Case["children"][number], "id">[],
  extra: Partial<Case> = {},
): Promise<Case> {
  const template = world.cases[0]!;
  const id = `case-${reference}`;
  const kase: Case = {
    ...template,
    id,
    pk: id,
    reference,
    children: children.map((c, i) => ({ id: `${id}-child-${i + 1}`, ...c })),
    indexChildId: `${id}-child-1`,
    ...extra,
  };
  delete (kase as { etag?: string }).etag;
  const stored = await world.store.create(kase);
  world.cases.push(stored);
  return stored;
}

export async function requestRcpc(
  world: World,
  kase: Case,
  input: { previous: string; at: string },
): Promise<string> {
  await world.advanceTo(input.at);
  const response = await world.act(Q.socialWorker, VERBS.requestConference, {
    caseId: kase.id,
    meetingKind: "RCPC",
    childIds: childIdsOf(kase),
    indexChildId: kase.indexChildId,
    previousConferenceDate: input.previous,
  });
  accepted(response, "request");
  await world.runDue();
  const meetings = await world.store.meetingsOfCase(kase.id);
  const rcpc = meetings.items.find(
    (m) => m.kind === "RCPC" && m.anchors.previous === input.previous,
  );
  if (rcpc === undefined) throw new Error("no RCPC requested");
  return rcpc.id;
}

/** The clerk asks to stand a meeting down (docs/rules.md, stand-down), with its reason and rationale. */
export async function requestStandDown(
  world: World,
  kase: Case,
  meetingId: string,
  input: { reason: string; rationale: string; by?: string },
): Promise<ActionResponse> {
  return world.act(input.by ?? Q.clerk, VERBS.standDownRequest, {
    caseId: kase.id,
    meetingId,
    reason: input.reason,
    rationale: input.rationale,
  });
}

/** An approver presses Approve on the approval card Convene sent them (its own data). */
export async function approveFromCard(
  world: World,
  approver: string,
  meetingId: string,
): Promise<ActionResponse> {
  const card = [...world.notifier.sent]
    .reverse()
    .find((s) => s.to === approver && s.preview.startsWith("Approval needed: stand down"));
  if (card === undefined) throw new Error(`no approval card for ${approver}`);
  const action = cardActions(card.card).find((a) => a.verb === VERBS.standDownApprove);
  if (action === undefined || action.data.meetingId !== meetingId)
    throw new Error("the approval card has no approve action for this meeting");
  return world.act(approver, VERBS.standDownApprove, action.data);
}

/**
 * `who` presses the button `verb` on the newest card Convene sent them
 * whose preview includes `about` (with the data the card carries), as Teams
 * would submit it; `inputs` are what they typed or chose on the card.
 */
export async function press(
  world: World,
  who: string,
  about: string,
  verb: string,
  inputs: Record<string, unknown> = {},
): Promise<ActionResponse> {
  const card = [...world.notifier.sent]
    .reverse()
    .find(
      (s) =>
        s.to === who &&
        s.preview.includes(about) &&
        cardActions(s.card).some((a) => a.verb === verb),
    );
  if (card === undefined) throw new Error(`no card about "${about}" with ${verb} for ${who}`);
  const action = cardActions(card.card).find((a) => a.verb === verb)!;
  const response = await world.act(who, verb, { ...action.data, ...inputs }, card.activityId);
  await world.runDue();
  return response;
}

/** The SW asks for a CLA review (Swindon, virtual-conference; docs/rules.md, national rules) from the previous review's date. */
export async function requestClaReview(
  world: World,
  kase: Case,
  input: { reviewNumber: number; previous: string },
): Promise<string> {
  accepted(
    await world.act(Q.socialWorker, VERBS.requestClaReview, {
      caseId: kase.id,
      childIds: childIdsOf(kase),
      reviewNumber: String(input.reviewNumber),
      previousReviewDate: input.previous,
    }),
    "review request",
  );
  await world.runDue();
  return `${kase.id}.cla.${input.reviewNumber}.${input.previous}`;
}

/** A CLA review's invite list: a teacher, the foster carer, the mother and the young person. */
export async function submitClaInviteList(
  world: World,
  kase: Case,
  meetingId: string,
): Promise<void> {
  const tag = kase.reference.toLowerCase();
  const rows = [
    [
      "Tess Teacher",
      "Designated teacher",
      "Education",
      `teacher.${tag}@school.example`,
      "professional",
    ],
    ["Cal Carer", "Foster carer", "", `carer.${tag}@carers.example`, "family"],
    ["Mo Parent", "Mother", "", `mother.${tag}@home.example`, "family"],
    ["Robin", "Young person", "", `young.${tag}@home.example`, "family"],
  ];
  const data: Record<string, unknown> = { caseId: kase.id, meetingId };
  rows.forEach(([name, role, agency, email, relation], i) => {
    Object.assign(data, {
      [`invitees.${i}.name`]: name,
      [`invitees.${i}.role`]: role,
      [`invitees.${i}.agency`]: agency,
      [`invitees.${i}.email`]: email,
      [`invitees.${i}.relation`]: relation,
      [`invitees.${i}.policeCheck`]: "false",
    });
  });
  accepted(await world.act(Q.socialWorker, VERBS.submitInviteList, data), "CLA list");
  await world.runDue();
}

/** The IRO records the minutes and recommendations on the day (virtual-conference `cla.minutes`). */
export async function recordClaMinutes(
  world: World,
  kase: Case,
  meetingId: string,
  iro: string,
): Promise<void> {
  accepted(
    await world.act(iro, VERBS.recordClaMinutes, {
      caseId: kase.id,
      meetingId,
      minutesRecorded: "true",
      sharingTasked: "true",
    }),
    "minutes",
  );
  await world.runDue();
}
