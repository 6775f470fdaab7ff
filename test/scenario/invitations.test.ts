import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VERBS } from "../../cards/verbs";
import type { CardJson } from "../../ports/notifier";
import { cardText } from "../fakes/recording-notifier";
import { CASE_ID, requestAndBook } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * Everyone invited and nobody lost, against the real store and scheduler,
 * the local HTTPS Graph (events and sent mail read back from it) and a fake
 * clock: an ICPC booked for Fri 29 Jan 2027 10:00 (strategy Mon 11 Jan).
 */
const SW = DEMO_IDS.socialWorker;
const CLERK = DEMO_IDS.clerk;

type Row = Record<string, string>;
const GP: Row = {
  name: "Dr Eli Practitioner",
  role: "GP",
  agency: "Health",
  email: "eli.gp@nhs.example",
  relation: "professional",
};
const POLICE: Row = {
  name: "PC Dana Officer",
  role: "Police officer",
  agency: "Police",
  email: "dana.officer@police.example",
  relation: "professional",
};
const FATHER: Row = {
  name: "Gus Example",
  role: "Father",
  relation: "family",
  policeCheck: "true",
  policeCheckReason: "Lives in the household",
  dob: "1988-11-03",
  address: "22 Sample Street, Swindon SN2 2BB",
};
const MOTHER: Row = {
  name: "Fran Example",
  role: "Mother",
  email: "fran@home.example",
  relation: "family",
};

function listData(meetingId: string, rows: Row[]): Record<string, unknown> {
  const data: Record<string, unknown> = { caseId: CASE_ID, meetingId };
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) data[`invitees.${i}.${k}`] = v;
  });
  return data;
}

/** What Teams submits from a card: every input's value, then the action's data on top. */
function submitFrom(
  card: CardJson,
  title: string,
): { verb: string; data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const n = node as Record<string, unknown>;
    if (typeof n.type === "string" && n.type.startsWith("Input.") && typeof n.id === "string")
      data[n.id] = n.value ?? "";
    for (const v of Object.values(n)) walk(v);
  };
  walk((card as { body?: unknown }).body);
  const action = ((card as { actions?: Record<string, unknown>[] }).actions ?? []).find(
    (a) => a.title === title,
  );
  if (action === undefined) throw new Error(`no action "${title}" on the card`);
  return { verb: action.verb as string, data: { ...data, ...(action.data as object) } };
}

function cardOf(response: unknown): CardJson {
  const r = response as { kind: string; card?: CardJson };
  if (r.kind !== "card" || r.card === undefined) throw new Error(`not a card: ${r.kind}`);
  return r.card;
}

describe("invitations: everyone invited and nobody lost", () => {
  let world: World;
  let meetingId: string;
  const pdfDir = mkdtempSync(join(tmpdir(), "convene-letters-"));

  const event = async () => {
    const m = await world.store.get("meeting", meetingId, CASE_ID);
    const e = world.graph!.state.events.get(m?.outlookEventId ?? "");
    if (e === undefined) throw new Error("no event");
    return e;
  };
  const attendees = async () =>
    (await event()).payload.attendees?.map((a) => a.emailAddress.address.toLowerCase()) ?? [];
  const mailTo = (address: string) =>
    world.graph!.state.sentMail.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    world = await makeWorld({ policy: "england", start: "2027-01-11T09:00:00.000Z" });
    meetingId = await requestAndBook(world, {
      strategy: "2027-01-11",
      requestAt: "2027-01-11T14:00:00.000Z",
      bookAt: "2027-01-12T09:30:00.000Z",
      slotStart: "2027-01-29T10:00:00.000Z",
    });
  }, 120_000);
  afterAll(async () => {
    await world.close();
    rmSync(pdfDir, { recursive: true, force: true });
  });

  it("the chair's booking card shows the family's name before the conflict-of-interest question", () => {
    const card = world.notifier.sent.find(
      (s) => s.to === DEMO_IDS.chair && s.preview.includes("please confirm"),
    );
    const text = cardText(card!.card);
    expect(text).toContain("The family: Alex Example, Billie Example");
    expect(text.indexOf("Alex Example")).toBeLessThan(text.indexOf("conflict of interest"));
    expect(card!.preview).not.toMatch(/Alex|Billie/);
  });

  it("a police check without a date of birth and an address is refused, and nothing is stored", async () => {
    const { dob: _d, address: _a, ...bare } = FATHER;
    const response = await world.act(SW, VERBS.submitInviteList, listData(meetingId, [GP, bare]));
    const text = cardText(cardOf(response));
    expect(text).toContain("Enter their date of birth");
    expect(text).toContain("Enter their address");
    expect(
      await world.store.get("invite-list", `${meetingId}:invite-list`, CASE_ID),
    ).toBeUndefined();
  });

  it("a submitted list puts the professionals on the event and the father, who has no email, gets a tagged letter", async () => {
    await world.advanceTo("2027-01-18T11:00:00.000Z");
    await world.act(SW, VERBS.submitInviteList, listData(meetingId, [GP, POLICE, FATHER]));
    await world.runDue();
    expect(await attendees()).toEqual(
      expect.arrayContaining(["eli.gp@nhs.example", "dana.officer@police.example"]),
    );
    const letterMail = world.graph!.state.sentMail.find((m) =>
      m.attachments.some((a) => a.name.endsWith("-large-print.pdf")),
    );
    expect(letterMail).toBeDefined();
    const sw = world.cases[0]!.socialWorker.email.toLowerCase();
    expect(letterMail!.to).toEqual([sw]);
    const [standard, large] = letterMail!.attachments;
    expect(standard!.contentType).toBe("application/pdf");
    const read = (name: string, bytes: Buffer, ...args: string[]) => {
      const file = join(pdfDir, name);
      writeFileSync(file, bytes);
      return execFileSync(
        args[0]!,
        [...args.slice(1), file, ...(args[0] === "pdftotext" ? ["-"] : [])],
        {
          encoding: "utf8",
        },
      );
    };
    const text = read("standard.pdf", standard!.content, "pdftotext", "-layout");
    expect(text).toContain("Dear Gus Example,");
    expect(text).toMatch(/Fri 29 Jan 2027 10:00/);
    expect(text).toContain("C-1001");
    // A screen reader reads it: tagged, in en-GB, with a heading and paragraphs.
    const info = read("standard-info.pdf", standard!.content, "pdfinfo");
    expect(info).toMatch(/Tagged:\s+yes/);
    const raw = standard!.content.toString("latin1");
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/S \/H1/);
    expect(raw).toMatch(/\/S \/P/);
    expect(raw).toMatch(/\/S \/Document/);
    // The large-print copy says the same in bigger type.
    const largeText = read("large.pdf", large!.content, "pdftotext", "-raw");
    expect(largeText.replace(/\s+/g, " ")).toContain("Dear Gus Example,");
    expect(read("large-info.pdf", large!.content, "pdfinfo")).toMatch(/Tagged:\s+yes/);
    const height = (bytes: Buffer, name: string) => {
      const html = read(name, bytes, "pdftotext", "-bbox");
      const m =
        /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Dear<\/word>/.exec(html);
      return Number(m![2]) - Number(m![1]);
    };
    expect(height(large!.content, "l.pdf")).toBeGreaterThan(
      height(standard!.content, "s.pdf") * 1.4,
    );
    // The SW's card to record it, and nobody without a route.
    expect(
      world.notifier.sent.filter((s) => s.to === SW && s.preview.startsWith("A letter to post")),
    ).toHaveLength(1);
    const list = await world.store.get("invite-list", `${meetingId}:invite-list`, CASE_ID);
    for (const i of list!.invitees) {
      expect(i.relation === "professional" || i.email !== undefined || i.letter !== undefined).toBe(
        true,
      );
    }
  });

  it("the police-check request carries the person's date of birth and address, one email per person", async () => {
    const mail = mailTo(world.deps.authority.policeChecksMailbox.toLowerCase());
    expect(mail).toHaveLength(1);
    const body = JSON.stringify(mail[0]!.message);
    expect(body).toContain("Date of birth: 3 Nov 1988");
    expect(body).toContain("22 Sample Street, Swindon SN2 2BB");
  });

  it("a professional's invitation body names the children and their dates of birth; no subject, preview, file name or log line does", async () => {
    const e = await event();
    const body = e.payload.body?.content ?? "";
    expect(body).toContain("Alex Example, born 1 May 2016");
    expect(body).toContain("Billie Example, born 12 Sep 2019");
    // Graph's bodyPreview is the body's first 255 characters.
    expect(body.slice(0, 255)).not.toMatch(/Alex|Billie/);
    expect(e.payload.subject).not.toMatch(/Alex|Billie/);
    for (const m of world.graph!.state.sentMail) {
      expect(JSON.stringify((m.message as { subject?: string }).subject ?? "")).not.toMatch(
        /Alex|Billie/,
      );
      for (const a of m.attachments) expect(a.name).not.toMatch(/Alex|Billie|Gus|Example/);
    }
    for (const s of world.notifier.sent) expect(s.preview).not.toMatch(/Alex|Billie/);
    expect(JSON.stringify(world.logger.lines)).not.toMatch(/Alex|Billie|1988-11-03|Sample Street/);
  });

  it("the SW is reminded each working day until the letter is recorded as posted", async () => {
    const reminders = () =>
      world.notifier.sent.filter((s) => s.to === SW && s.preview.startsWith("Reminder: a letter"));
    await world.advanceTo("2027-01-19T10:00:00.000Z");
    expect(reminders().map((s) => s.at)).toEqual(["2027-01-19T09:00:00.000Z"]);
    await world.advanceTo("2027-01-20T10:00:00.000Z");
    expect(reminders()).toHaveLength(2);
    const list = await world.store.get("invite-list", `${meetingId}:invite-list`, CASE_ID);
    const father = list!.invitees.find((i) => i.name === "Gus Example")!;
    const done = await world.act(SW, VERBS.recordLetterSent, {
      caseId: CASE_ID,
      meetingId,
      inviteeId: father.id,
      how: "posted",
    });
    expect(cardText(cardOf(done))).toContain("posted");
    await world.advanceTo("2027-01-22T10:00:00.000Z");
    expect(reminders()).toHaveLength(2);
    const after = await world.store.get("invite-list", `${meetingId}:invite-list`, CASE_ID);
    expect(after!.invitees.find((i) => i.id === father.id)!.letter!.sent!.how).toBe("posted");
  });

  it("reopening the list shows everyone; adding the mother leaves every earlier attendee on the event", async () => {
    const reopened = cardOf(await world.say(SW, "invite list C-1001"));
    const values = Object.values(submitFrom(reopened, "Submit list as complete").data);
    for (const name of ["Dr Eli Practitioner", "PC Dana Officer", "Gus Example"])
      expect(values).toContain(name);
    const before = await attendees();
    const submit = submitFrom(reopened, "Submit list as complete");
    for (const [k, v] of Object.entries(MOTHER)) submit.data[`invitees.3.${k}`] = v;
    await world.act(SW, submit.verb, submit.data);
    await world.runDue();
    const now = await attendees();
    expect(now).toEqual(expect.arrayContaining(before));
    expect(mailTo("fran@home.example")).toHaveLength(1);
    // Nobody was told their invitation was cancelled; the father's letter stays recorded.
    expect(
      world.graph!.state.sentMail.filter((m) => JSON.stringify(m.message).includes("Cancelled")),
    ).toHaveLength(0);
    const list = await world.store.get("invite-list", `${meetingId}:invite-list`, CASE_ID);
    expect(list!.invitees.map((i) => i.name).sort()).toEqual([
      "Dr Eli Practitioner",
      "Fran Example",
      "Gus Example",
      "PC Dana Officer",
    ]);
    expect(list!.invitees.find((i) => i.name === "Gus Example")!.letter!.sent!.how).toBe("posted");
  });

  it("the clerk changes one row on its own; removing someone invited asks first, then cancels", async () => {
    const reopened = cardOf(await world.say(CLERK, "invite list C-1001"));
    const submit = submitFrom(reopened, "Submit list as complete");
    const row = Object.entries(submit.data)
      .find(([, v]) => v === "PC Dana Officer")![0]
      .split(".")[1];
    for (const f of ["name", "role", "agency", "email"]) submit.data[`invitees.${row}.${f}`] = "";
    const gpRow = Object.entries(submit.data)
      .find(([, v]) => v === "eli.gp@nhs.example")![0]
      .split(".")[1];
    submit.data[`invitees.${gpRow}.role`] = "GP (practice lead)";
    const asked = cardOf(await world.act(CLERK, submit.verb, submit.data));
    expect(cardText(asked)).toContain("PC Dana Officer (Police officer)");
    let list = await world.store.get("invite-list", `${meetingId}:invite-list`, CASE_ID);
    expect(list!.invitees).toHaveLength(4);
    const confirm = submitFrom(asked, "Remove them and send cancellations");
    await world.act(CLERK, confirm.verb, confirm.data);
    await world.runDue();
    list = await world.store.get("invite-list", `${meetingId}:invite-list`, CASE_ID);
    expect(list!.invitees.map((i) => i.name).sort()).toEqual([
      "Dr Eli Practitioner",
      "Fran Example",
      "Gus Example",
    ]);
    expect(list!.invitees.find((i) => i.name === "Dr Eli Practitioner")!.role).toBe(
      "GP (practice lead)",
    );
    expect(list!.removed!.map((r) => r.invitee.name)).toEqual(["PC Dana Officer"]);
    const now = await attendees();
    expect(now).toContain("eli.gp@nhs.example");
    expect(now).not.toContain("dana.officer@police.example");
    const cancelled = mailTo("dana.officer@police.example");
    expect(cancelled).toHaveLength(1);
    expect(JSON.stringify(cancelled[0]!.message)).toContain("Cancelled");
  });
});
