import type { Verb } from "../../cards/verbs";
import { VERBS } from "../../cards/verbs";
import type { ActionResponse, Actor } from "../../ports";
import { caseCommand as newCaseCommand } from "../cases/new-case";
import { chairsCommand } from "../chairs/commands";
import { claMessage } from "../cla/messages";
import { caseMappingMessage } from "../consultation/case-mapping";
import type { WorkflowDeps } from "../kernel/deps";
import type { VerbEntry } from "../kernel/registry";
import {
  bookCommand,
  consultCommand,
  familyCommand,
  inviteListCommand,
  outcomeCommand,
  qaNoticeCommand,
  quoracyCommand,
  rebookCommand,
  reportsCommand,
  requestCommand,
  standDownCommand,
  type CaseCommandRun,
} from "./case-commands";
import type { ChatRole } from "./roles";

/**
 * One typed chat command. `words` is what the help shows ("request REF"),
 * `what` what it does, in a social worker's words. The roles it is offered
 * to are either its own (`roles`) or, where the command opens the card of a
 * verb, that verb's roles in its feature's registry (`verb`): one place
 * decides who is offered a card, by typing or by a card.
 */
interface CommandBase {
  name: string;
  words: string;
  what: string;
  roles?: readonly ChatRole[];
  verb?: Verb;
  /** Extra spellings of the command word ("invites" for "invite list"). */
  aliases?: readonly string[];
}

/** A command about one case: "NAME REF". The reference is resolved (and near misses offered) first. */
export interface CaseCommand extends CommandBase {
  kind: "case";
  run: CaseCommandRun;
  /** Commands owned by a feature that parse their own text ("review REF"): given "NAME REF". */
  delegate?: (
    deps: WorkflowDeps,
    actor: Actor,
    text: string,
  ) => Promise<ActionResponse | undefined>;
}

/** A command about no case ("rota 2027-02", "unavailable"). */
export interface PlainCommand extends CommandBase {
  kind: "plain";
  /** Matches the whole message (after the command word, an optional argument). */
  pattern: RegExp;
  run: (deps: WorkflowDeps, actor: Actor, text: string) => Promise<ActionResponse | undefined>;
  /** A button the help may show ("Duty rota"), when the command needs no argument. */
  button?: string;
}

export type ChatCommand = CaseCommand | PlainCommand;

const delegated = (
  handler: (deps: WorkflowDeps, actor: Actor, text: string) => Promise<ActionResponse | undefined>,
): Pick<CaseCommand, "run" | "delegate"> => ({
  // Never called: a delegated command's feature parses the text itself.
  run: async () => ({ kind: "message", text: "" }),
  delegate: handler,
});

const chairs = (deps: WorkflowDeps, actor: Actor, text: string) => chairsCommand(deps, actor, text);

/** The table: every typed command, in the order the help lists them. */
export const CHAT_COMMANDS: readonly ChatCommand[] = [
  {
    kind: "case",
    name: "request",
    words: "request REF",
    what: "ask for a child protection conference on the case",
    verb: VERBS.requestConference,
    run: requestCommand,
  },
  {
    kind: "case",
    name: "review",
    words: "review REF",
    what: "ask for a looked-after child's review on the case",
    verb: VERBS.requestClaReview,
    ...delegated(claMessage),
  },
  {
    kind: "case",
    name: "book",
    words: "book REF",
    what: "book the conference that was asked for",
    verb: VERBS.book,
    run: bookCommand,
  },
  {
    kind: "case",
    name: "rebook",
    words: "rebook REF",
    what: "move a booked conference to another time",
    roles: ["clerk"],
    run: rebookCommand,
  },
  {
    kind: "case",
    name: "invite list",
    aliases: ["invites"],
    words: "invite list REF",
    what: "who is invited to the case's conference",
    verb: VERBS.submitInviteList,
    run: inviteListCommand,
  },
  {
    kind: "case",
    name: "family",
    words: "family REF",
    what: "what the family needs to take part",
    verb: VERBS.submitFamilyAccess,
    run: familyCommand,
  },
  {
    kind: "case",
    name: "reports",
    words: "reports REF",
    what: "which reports are in for the conference",
    roles: ["social-worker", "team-manager"],
    run: reportsCommand,
  },
  {
    kind: "case",
    name: "quoracy",
    words: "quoracy REF",
    what: "record who is present or sending a report",
    verb: VERBS.quoracyRecord,
    run: quoracyCommand,
  },
  {
    kind: "case",
    name: "outcome",
    words: "outcome REF",
    what: "record the outcome of the conference",
    verb: VERBS.recordOutcome,
    run: outcomeCommand,
  },
  {
    kind: "case",
    name: "minutes",
    words: "minutes REF",
    what: "record a looked-after child's review minutes and recommendations",
    verb: VERBS.recordClaMinutes,
    ...delegated(claMessage),
  },
  {
    kind: "case",
    name: "stand down",
    words: "stand down REF",
    what: "ask to stand the conference down",
    verb: VERBS.standDownRequest,
    run: standDownCommand,
  },
  {
    kind: "case",
    name: "qa",
    words: "qa REF",
    what: "recognise good practice or raise a practice concern after the conference",
    roles: ["chair"],
    run: qaNoticeCommand,
  },
  {
    kind: "case",
    name: "consultation",
    words: "consultation REF",
    what: "record a consultation with the frontline manager",
    roles: ["chair"],
    run: consultCommand,
  },
  {
    kind: "case",
    name: "mapped",
    words: "mapped REF",
    what: "record this month's case mapping as done",
    roles: ["chair"],
    ...delegated(caseMappingMessage),
  },
  {
    kind: "plain",
    name: "rota",
    words: "rota [YYYY-MM]",
    what: "the duty chair rota for this month or the month named",
    roles: ["chair", "chairs-manager", "clerk"],
    pattern: /^rota(\s+\S+)?$/i,
    button: "Duty rota",
    run: chairs,
  },
  {
    kind: "plain",
    name: "unavailable",
    words: "unavailable",
    what: "mark leave, training or supervision so you are not booked",
    verb: VERBS.chairUnavailableAdd,
    pattern: /^unavailable$/i,
    button: "I'm unavailable",
    run: chairs,
  },
  {
    kind: "plain",
    name: "sick",
    words: "sick",
    what: "report a chair off sick today: the duty chair is asked to cover",
    roles: ["chair", "chairs-manager", "clerk"],
    pattern: /^sick$/i,
    button: "Report off sick",
    run: chairs,
  },
  {
    kind: "plain",
    name: "caseload",
    words: "caseload",
    what: "each chair's conferences, cases and duty days",
    roles: ["chairs-manager"],
    pattern: /^caseload$/i,
    button: "Caseloads",
    run: chairs,
  },
  {
    kind: "plain",
    name: "new case",
    words: "new case",
    what: "record a case that is not in Convene yet",
    verb: VERBS.saveCase,
    pattern: /^new case$/i,
    button: "New case",
    run: newCaseCommand,
  },
  {
    kind: "case",
    name: "correct case",
    words: "correct case REF",
    what: "correct the case's record, or give it another social worker",
    verb: VERBS.saveCase,
    ...delegated(newCaseCommand),
  },
];

/** The roles a command is offered to: its own, or its verb's in the registry. */
export function offeredTo(command: ChatCommand, verbs: readonly VerbEntry[]): readonly ChatRole[] {
  if (command.roles !== undefined) return command.roles;
  const entry = verbs.find((v) => v.verb === command.verb);
  return entry?.roles ?? [];
}

/** "request C-1001" → the case command and the reference typed; undefined otherwise. */
export function matchCaseCommand(
  text: string,
): { command: CaseCommand; reference: string } | undefined {
  for (const command of CHAT_COMMANDS) {
    if (command.kind !== "case") continue;
    for (const word of [command.name, ...(command.aliases ?? [])]) {
      const re = new RegExp(`^${word.replace(/ /g, "\\s+")}\\s+(.{1,40})$`, "i");
      const m = re.exec(text);
      if (m !== null) return { command, reference: (m[1] ?? "").trim() };
    }
  }
  return undefined;
}

export function matchPlainCommand(text: string): PlainCommand | undefined {
  return CHAT_COMMANDS.find((c): c is PlainCommand => c.kind === "plain" && c.pattern.test(text));
}
