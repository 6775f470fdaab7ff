import { simpleParser } from "mailparser";
import { taskPk } from "../../model/task";
import { Authority } from "../../workflow/kernel/authority";
import { demoAuthority } from "../../app/demo/authority";
import { ensureJobsPlanned } from "../../workflow/lists/plan-jobs";
import { taskHandlers } from "../../workflow/index";
import { deliverList } from "../../workflow/lists/list-delivery";
import { csvAttachment } from "../../cards/csv/csv";
import { cardText } from "../fakes/recording-notifier";
import { requestAndBook } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * The councils' other procedures: a list reaches everyone its rule names. Swindon's weekly list
 * (Swindon rule 18, Mondays, to the SMs): the SM in Teams gets the card; an SM
 * who does not use Teams (inTeams: false) gets one email from the
 * conferences mailbox with every row in a CSV; an SM whose Teams app was
 * removed gets the CSV email too. A rerun of the job sends nothing twice.
 */
const NOT_IN_TEAMS = "66666666-6666-4666-8666-666666666666";
const APP_REMOVED = "77777777-7777-4777-8777-777777777777";

function authorityWithManagers(): Authority {
  const demo = demoAuthority("swindon");
  return Authority.parse({
    ...demo,
    staff: [
      ...demo.staff,
      {
        entraObjectId: NOT_IN_TEAMS,
        name: "Noor Outside",
        email: "noor.outside@demo-council.example",
        roles: ["service-manager"],
        inTeams: false,
      },
      {
        entraObjectId: APP_REMOVED,
        name: "Remy Removed",
        email: "remy.removed@demo-council.example",
        roles: ["service-manager"],
      },
    ],
  });
}

/** The CSV's lines without the BOM, split into fields (no field here needs quotes). */
function csvRows(content: Buffer): string[][] {
  const text = content.toString("utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  return text
    .slice(1)
    .split("\r\n")
    .filter((line) => line.length > 0)
    .map((line) => line.split(","));
}

async function bookedWorld(calendar: "local-graph" | "outbox"): Promise<World> {
  const world = await makeWorld({
    policy: "swindon",
    start: "2027-01-11T09:00:00.000Z",
    authority: authorityWithManagers(),
    calendar,
  });
  world.notifier.gone.add(APP_REMOVED);
  await ensureJobsPlanned(world.deps, world.clock());
  await requestAndBook(world, {
    strategy: "2027-01-11",
    requestAt: "2027-01-11T14:00:00.000Z",
    bookAt: "2027-01-12T09:30:00.000Z",
    slotStart: "2027-01-29T10:00:00.000Z",
  });
  return world;
}

const childNames = (world: World) =>
  world.cases.flatMap((c) => c.children.map((child) => child.name));

describe("the weekly list by card and by CSV email", () => {
  it("cards to Teams users, one CSV email each to the SM not in Teams and the SM whose app is gone", async () => {
    const world = await bookedWorld("local-graph");
    try {
      await world.advanceTo("2027-01-25T12:00:00.000Z");
      expect(world.failed).toEqual([]);

      const weekly = world.notifier.sent.filter((s) => s.preview.startsWith("Weekly list"));
      // Mon 18 and Mon 25 Jan, to the SM in Teams only: never to the others.
      expect(weekly.map((s) => [s.at.slice(0, 10), s.to])).toEqual([
        ["2027-01-18", DEMO_IDS.serviceManager],
        ["2027-01-25", DEMO_IDS.serviceManager],
      ]);
      expect(cardText(weekly[1]!.card)).toContain("C-1001");

      const graph = world.graph!;
      // The fortnight list (Swindon rule 19) goes to the SMs too, the same way.
      const weeklyMail = graph.state.sentMail.filter((m) =>
        m.conveneId?.startsWith("list.weekly:"),
      );
      const listMail = weeklyMail.filter((m) => m.attachments.length > 0);
      // The SM whose app is gone gets the list as CSV email and nothing
      // else: no second "add the app" email without the list.
      expect(weeklyMail.filter((m) => m.attachments.length === 0)).toEqual([]);
      const to = (address: string) => listMail.filter((m) => m.to.includes(address));
      // One email per Monday for each: from the conferences mailbox, one To, one CSV.
      expect(to("noor.outside@demo-council.example")).toHaveLength(2);
      expect(to("remy.removed@demo-council.example")).toHaveLength(2);
      expect(listMail).toHaveLength(4);
      for (const mail of listMail) {
        expect(mail.mailbox).toBe("conferences@demo-council.example");
        expect(mail.to).toHaveLength(1);
      }
      expect(to("sol.service@demo-council.example")).toHaveLength(0);

      const mail = to("noor.outside@demo-council.example")[1]!;
      const message = mail.message as { subject: string; body: { content: string } };
      // Swindon rule 14: swindon's emails about CP/CLA reports start "URGENT CLA/CP".
      expect(message.subject).toMatch(/^URGENT CLA\/CP: Weekly list: Demo Council/);
      const [file] = mail.attachments;
      expect(file?.name).toBe("list.weekly-2027-01-25.csv");
      expect(file?.contentType).toBe("text/csv; charset=utf-8");
      const rows = csvRows(file!.content);
      expect(rows[0]).toEqual([
        "Date",
        "Time",
        "Meeting",
        "Case reference",
        "Chair or IRO",
        "Status",
        "SW report",
        "Agency reports received",
        "Agency reports expected",
        "Invite list",
        "Out of timescale",
      ]);
      expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
        ["2027-01-29", "10:00", "ICPC", "C-1001"],
      ]);
      // Case references only: no child's name in the file, the subject or the body.
      const everything = [file!.content.toString("utf8"), message.subject, message.body.content];
      for (const name of childNames(world)) {
        for (const text of everything) expect(text).not.toContain(name);
      }
      // The first Monday's list had no meetings: a header only.
      const first = to("noor.outside@demo-council.example")[0]!;
      expect(csvRows(first.attachments[0]!.content)).toHaveLength(1);
    } finally {
      await world.close();
    }
  });

  it("a rerun of the job sends no card and no email twice", async () => {
    const world = await bookedWorld("local-graph");
    try {
      await world.advanceTo("2027-01-25T12:00:00.000Z");
      const task = await world.store.get(
        "task",
        "list.weekly:2027-01-25",
        taskPk({ taskType: "list.weekly" }),
      );
      expect(task).toBeDefined();
      const cardsBefore = world.notifier.sent.length;
      const mailBefore = world.graph!.state.sentMail.length;
      const handler = taskHandlers(world.deps).get("list.weekly")!;
      const result = await handler(task!, { now: world.clock(), attempt: 2 });
      expect(result).toMatchObject({ cards: 0, emails: 0 });
      expect(world.notifier.sent).toHaveLength(cardsBefore);
      expect(world.graph!.state.sentMail).toHaveLength(mailBefore);
    } finally {
      await world.close();
    }
  });

  it("with the outbox, the CSV email is a .eml whose attachment parses back", async () => {
    const world = await bookedWorld("outbox");
    try {
      await world.advanceTo("2027-01-25T12:00:00.000Z");
      expect(world.failed).toEqual([]);
      const { readdirSync, readFileSync } = await import("node:fs");
      const { join } = await import("node:path");
      const dir = join(world.dir, "outbox", "mail");
      const lists = readdirSync(dir).filter(
        (f) => f.startsWith("list.weekly") && f.includes("%3Acsv%3A"),
      );
      expect(lists).toHaveLength(4); // two Mondays, two people by email
      const noor = lists.filter((f) => f.includes(NOT_IN_TEAMS)).sort();
      const parsed = await simpleParser(readFileSync(join(dir, noor[1]!)));
      expect(parsed.attachments.map((a) => a.filename)).toEqual(["list.weekly-2027-01-25.csv"]);
      const rows = csvRows(parsed.attachments[0]!.content);
      expect(rows.slice(1).map((r) => r[3])).toEqual(["C-1001"]);
    } finally {
      await world.close();
    }
  });

  it("mailboxes get only the email, once each however often they are named", async () => {
    const world = await makeWorld({
      policy: "west-sussex",
      start: "2027-01-11T17:00:00.000Z",
      authority: authorityWithManagers(),
    });
    try {
      const sm = world.deps.authority.staff.find(
        (p) => p.entraObjectId === DEMO_IDS.serviceManager,
      )!;
      const delivery = {
        taskId: "report.test:2027-01-11",
        list: "report.test",
        recipients: [sm, sm],
        mailboxes: ["ae@hospital.example", "AE@hospital.example", "maternity@hospital.example"],
        cards: [{ type: "AdaptiveCard", version: "1.5", body: [] }],
        preview: "Test report: 1 case",
        subject: "Test report",
        bodyText: "Attached.",
        csv: csvAttachment("report.test", "2027-01-11", "Case reference\r\nC-1001\r\n"),
      };
      expect(await deliverList(world.deps, delivery)).toEqual({ cards: 1, emails: 2 });
      expect(world.graph!.state.sentMail.map((m) => m.to)).toEqual([
        ["ae@hospital.example"],
        ["maternity@hospital.example"],
      ]);
      expect(world.notifier.sent.map((s) => s.to)).toEqual([DEMO_IDS.serviceManager]);
      expect(await deliverList(world.deps, delivery)).toEqual({ cards: 0, emails: 0 });
      expect(world.graph!.state.sentMail).toHaveLength(2);
    } finally {
      await world.close();
    }
  });
});
