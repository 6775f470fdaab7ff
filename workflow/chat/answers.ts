import { unreadableText } from "../../cards/common/list";
import { buildChatAnswerCard, MAX_CHAT_BUTTONS } from "../../cards/chat/build";
import type { Case, Meeting } from "../../model";
import type { ActionResponse, Actor } from "../../ports";
import { staffById } from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";
import type { VerbEntry } from "../kernel/registry";
import { cardResponse } from "../kernel/respond";
import { rolesOn } from "../kernel/roles";
import { CHAT_COMMANDS, offeredTo, type CaseCommand, type ChatCommand } from "./commands";
import { chatRolesOf, roleList, type ChatRole } from "./roles";

/** The roles that name a person on a case (the others are authority-wide). */
const CASE_ROLES: readonly ChatRole[] = [
  "social-worker",
  "team-manager",
  "service-manager",
  "chair",
  "iro",
];

const offered = (c: ChatCommand, roles: ReadonlySet<ChatRole>, verbs: readonly VerbEntry[]) =>
  offeredTo(c, verbs).some((r) => roles.has(r));

export const NOT_UNDERSTOOD =
  'Sorry, Convene did not understand that. Type "help" to see what you can do, or type a case reference.';

/**
 * "hi" and "help": who Convene thinks this person is, what they can type
 * (the table, filtered by their roles) and buttons for the commands that
 * need no case. Someone not on the staff list is told who can add them.
 */
export function helpAnswer(
  deps: WorkflowDeps,
  actor: Actor,
  verbs: readonly VerbEntry[],
): ActionResponse {
  const roles = chatRolesOf(deps.authority, actor.objectId);
  const member = staffById(deps.authority, actor.objectId);
  const first = (member?.name ?? actor.name).split(" ")[0] ?? "";
  if (roles.size === 0)
    return {
      kind: "message",
      text: `Hello ${first}. Convene does not have you on its staff list yet, so it cannot show you any case. Ask your Convene administrator to add you.`,
    };
  const mine = CHAT_COMMANDS.filter((c) => offered(c, roles, verbs));
  const buttons = [
    ...(CASE_ROLES.some((r) => roles.has(r)) ? [{ title: "My cases", say: "my cases" }] : []),
    ...mine.flatMap((c) =>
      c.kind === "plain" && c.button !== undefined ? [{ title: c.button, say: c.name }] : [],
    ),
  ];
  return cardResponse(
    buildChatAnswerCard({
      title: `Hello ${first}`,
      lines: [
        `You are ${roleList(roles)} in Convene. Type one of these (REF is a case reference, such as C-1001), or press a button:`,
      ],
      commands: mine.map((c) => ({ words: c.words, what: c.what })),
      buttons,
      preview: "What you can do in Convene",
    }),
  );
}

/** What this person can do on one case: the case commands their roles on it allow, as buttons. */
export function caseAnswer(
  deps: WorkflowDeps,
  actor: Actor,
  verbs: readonly VerbEntry[],
  kase: Case,
  meeting: Meeting | undefined,
  /** Records of this case's conferences that could not be read (set aside and raised). */
  unreadable = 0,
): ActionResponse {
  const roles = new Set<ChatRole>(rolesOn(deps.authority, actor.objectId, kase, meeting));
  const commands = CHAT_COMMANDS.filter(
    (c): c is CaseCommand => c.kind === "case" && offered(c, roles, verbs),
  );
  const stage =
    meeting === undefined
      ? unreadable > 0
        ? "Its conferences could not be read just now."
        : "No conference or review has been asked for yet."
      : `Its ${meeting.kind} is ${meeting.status.replace(/-/g, " ")}.`;
  const unread = unreadableText(unreadable);
  return cardResponse(
    buildChatAnswerCard({
      title: `Case ${kase.reference}`,
      lines: [
        stage,
        ...(unread !== undefined ? [`${unread}: the service owners have been told.`] : []),
        commands.length === 0
          ? "There is nothing for you to do on this case in Convene."
          : "What you can do on this case:",
      ],
      commands: [],
      buttons: commands.slice(0, MAX_CHAT_BUTTONS).map((c) => ({
        title: `${c.words.replace("REF", kase.reference)}`,
        say: `${c.name} ${kase.reference}`,
      })),
      preview: `Case ${kase.reference}`,
    }),
  );
}

/** "Did you mean case C-1001?": each near miss as a button that retypes the message rightly. */
export function didYouMeanAnswer(
  typed: string,
  cases: readonly Case[],
  command: CaseCommand | undefined,
): ActionResponse {
  const refs = cases.map((c) => c.reference);
  const say = (ref: string) => (command === undefined ? ref : `${command.name} ${ref}`);
  return cardResponse(
    buildChatAnswerCard({
      title:
        refs.length === 1 ? `Did you mean case ${refs[0]}?` : "Did you mean one of these cases?",
      lines: [
        `There is no case "${typed.slice(0, 40)}" that you can see. Press the right one, or check the reference and type it again.`,
      ],
      commands: [],
      buttons: refs.map((ref) => ({ title: say(ref), say: say(ref) })),
      preview: "Did you mean another case?",
    }),
  );
}

/** "my cases": the cases that name this person, newest reference first, each a button. */
export function myCasesAnswer(
  actor: Actor,
  cases: readonly Case[],
  /** Cases that could not be read (set aside and raised): one of them may be this person's. */
  unreadable = 0,
): ActionResponse {
  const unread = unreadableText(unreadable);
  const missing =
    unread !== undefined
      ? ` ${unread}, so a case of yours may be missing here: the service owners have been told.`
      : "";
  if (cases.length === 0)
    return {
      kind: "message",
      text: `No case in Convene names you as its social worker, manager or chair. Type a case reference to see what you can do on it.${missing}`,
    };
  const shown = [...cases].sort((a, b) => b.reference.localeCompare(a.reference));
  return cardResponse(
    buildChatAnswerCard({
      title: "Your cases",
      lines: [
        shown.length > MAX_CHAT_BUTTONS
          ? `${shown.length} cases name you. The newest ${MAX_CHAT_BUTTONS} are below; type any reference to see what you can do on it.`
          : "Press a case to see what you can do on it.",
        ...(missing !== "" ? [missing.trim()] : []),
      ],
      commands: [],
      buttons: shown
        .slice(0, MAX_CHAT_BUTTONS)
        .map((c) => ({ title: c.reference, say: c.reference })),
      preview: "Your cases",
    }),
  );
}
