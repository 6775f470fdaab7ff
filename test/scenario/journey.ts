import { type BookingOffer } from "../../workflow/booking/booking-card";
import Database from "better-sqlite3";
import { join } from "node:path";
import { VERBS } from "../../cards/verbs";
import type { Case } from "../../model";
import { DEMO_IDS, makeWorld, type World } from "./world";

export const CASE_ID = "case-C-1001";
export const CHILD_IDS = `${CASE_ID}-child-1,${CASE_ID}-child-2`;

/**
 * The outcome card's fields for the same decision for each child
 * (decisions are per child: one choice, and a category, per child).
 */
export function decisionsFor(
  childIds: readonly string[] | string,
  plan: boolean,
  category = "neglect",
): Record<string, string> {
  const ids = typeof childIds === "string" ? childIds.split(",") : childIds;
  return Object.fromEntries(
    ids.flatMap((id) => [
      [`plan_${id}`, plan ? "yes" : "no"],
      ...(plan ? [[`category_${id}`, category]] : []),
    ]),
  );
}

/** A whole invite list as Teams submits it: flat `invitees.<row>.<field>` keys. */
export function inviteListData(meetingId: string): Record<string, unknown> {
  const rows = [
    {
      name: "PC Dana Officer",
      role: "Police officer",
      agency: "Police",
      email: "dana.officer@police.example",
      relation: "professional",
    },
    {
      name: "Dr Eli Practitioner",
      role: "GP",
      agency: "Health",
      email: "eli.gp@nhs.example",
      relation: "professional",
    },
    { name: "Fran Example", role: "Mother", email: "fran@home.example", relation: "family" },
    {
      name: "Gus Example",
      role: "Father",
      email: "gus@home.example",
      relation: "family",
      policeCheck: "true",
      policeCheckReason: "Lives in the household; previous domestic abuse call-outs",
      // The police need both to find the right person.
      dob: "1988-04-12",
      address: "1 Example Road, Exampletown EX1 1AA",
    },
    {
      name: "Hal Solicitor",
      role: "Solicitor for the mother",
      email: "hal@law.example",
      relation: "legal-representative",
    },
  ];
  const data: Record<string, unknown> = { caseId: CASE_ID, meetingId };
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) data[`invitees.${i}.${k}`] = v;
    if (!("policeCheck" in row)) data[`invitees.${i}.policeCheck`] = "false";
  });
  return data;
}

export async function offerOf(world: World, meetingId: string): Promise<BookingOffer> {
  const meeting = await world.store.get("meeting", meetingId, meetingId.split(".")[0] ?? "");
  if (meeting?.offer === undefined) throw new Error("no booking offer yet");
  return meeting.offer;
}

/**
 * The common path of an ICPC: the SW requests it on the strategy day, the
 * clerk books the slot at `slotStart`, and on `listDay` the SW submits the
 * invite list and the family's access needs. Answers the meeting id.
 */
export async function requestAndBook(
  world: World,
  input: { strategy: string; requestAt: string; slotStart: string; bookAt: string },
): Promise<string> {
  world.setClock(input.requestAt);
  await world.act(DEMO_IDS.socialWorker, VERBS.requestConference, {
    caseId: CASE_ID,
    meetingKind: "ICPC",
    childIds: CHILD_IDS,
    indexChildId: `${CASE_ID}-child-1`,
    strategyDate: input.strategy,
  });
  const meetingId = `${CASE_ID}.icpc.${input.strategy}`;
  await world.runDue();
  await world.advanceTo(input.bookAt);
  const offer = await offerOf(world, meetingId);
  const slot = offer.slots.find((s) => s.start === input.slotStart);
  if (slot === undefined) throw new Error(`slot ${input.slotStart} not offered`);
  await world.act(
    DEMO_IDS.clerk,
    VERBS.book,
    { caseId: CASE_ID, meetingId, slotId: slot.id, inPerson: "false" },
    "clerk-card-1",
  );
  await world.runDue();
  return meetingId;
}

export async function submitListAndAccess(
  world: World,
  meetingId: string,
  at: string,
): Promise<void> {
  await world.advanceTo(at);
  await world.act(DEMO_IDS.socialWorker, VERBS.submitInviteList, inviteListData(meetingId));
  await world.act(DEMO_IDS.socialWorker, VERBS.submitFamilyAccess, {
    caseId: CASE_ID,
    meetingId,
    smartphoneWithVideo: "true",
    dataOrWifi: "true",
    hasTeams: "false",
    joiningBy: "video",
    interpreterNeeded: "true",
    interpreterLanguage: "Polish",
    reportSharing: "secure-email",
    splitConference: "false",
  });
  await world.runDue();
}

/**
 * The usual Leicestershire ICPC: strategy discussion Mon 11 Jan 2027,
 * requested that afternoon, booked the next morning for Fri 29 Jan 10:00.
 */
export async function bookedLeicestershireIcpc(
  extra: Omit<Parameters<typeof makeWorld>[0], "policy" | "start"> = {},
): Promise<{ world: World; meetingId: string }> {
  const world = await makeWorld({
    policy: "leicestershire",
    start: "2027-01-11T09:00:00.000Z",
    ...extra,
  });
  const meetingId = await requestAndBook(world, {
    strategy: "2027-01-11",
    requestAt: "2027-01-11T14:00:00.000Z",
    bookAt: "2027-01-12T09:30:00.000Z",
    slotStart: "2027-01-29T10:00:00.000Z",
  });
  return { world, meetingId };
}

/** Changes a stored case as a test set-up would (no audit, no action). */
export async function patchCase(
  world: World,
  id: string,
  change: (c: Case) => Case,
): Promise<void> {
  const c = (await world.store.get("case", id, id))!;
  await world.store.replace(change(c), c.etag!);
}

/** Corrupts a stored record through the database itself, as a bad write or a bad restore would. */
export function corrupt(world: World, id: string, path: string, value: unknown): void {
  const db = new Database(join(world.dir, "convene.sqlite"));
  try {
    const changed = db
      .prepare("UPDATE docs SET body = json_set(body, ?, json(?)) WHERE id = ?")
      .run(path, JSON.stringify(value), id).changes;
    if (changed !== 1) throw new Error(`no record ${id} to corrupt`);
  } finally {
    db.close();
  }
}
