import { bookCard } from "../booking/booking-card";
import type { Meeting } from "../../model";
import { audit } from "../kernel/audit";
import { CHAIRS_HELP, chairsCommand } from "../chairs/commands";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { caseIdOf, loadCase } from "../kernel/load";
import type { ActionResponse, MessageHandler } from "../../ports";
import { enqueue } from "../kernel/enqueue";
import { OFFER_REBOOKING } from "../booking/offer-booking";
import { familyAccessCard } from "../invitations/family-access";
import { LIST_KEEPERS, openInviteListCard } from "../invitations/invite-list";
import { outcomeCard } from "../after-meeting/outcome";
import { reportStatusCard } from "../reports/report-status";
import { REQUESTERS, requestCard } from "../booking/request-conference";
import { caseMappingMessage } from "../consultation/case-mapping";
import { cardResponse } from "../kernel/respond";
import { consultationCommand } from "../consultation/consultation";
import { qaCommand } from "../after-meeting/qa-notice";
import { CLA_HELP, claMessage } from "../cla/messages";
import { quoracyRecordCard } from "../stand-down/quoracy-record";
import { STAND_DOWN_REQUESTERS, standDownRequestCard } from "../stand-down/request-action";

const HELP = [
  "Convene understands:",
  "• request REF – ask for a conference on case REF (social worker, manager)",
  "• book REF – book the requested conference (clerk)",
  "• rebook REF – move a booked conference to another slot (clerk)",
  "• invite list REF, family REF, reports REF – the social worker's cards",
  "• outcome REF – record the outcome (chair)",
  ...CHAIRS_HELP,
  "• qa REF – recognition of good practice or an informal dispute resolution alert (chair, 003)",
  "• consultation REF – record a CP chair consultation (CP chair, 004)",
  ...CLA_HELP,
  "• quoracy REF – record who is present or reporting (chair)",
  "• stand down REF – ask to stand the conference down (clerk, social worker, chair, manager)",
  "• mapped REF – record this month's case mapping of a CIN case done (its chair, 004)",
].join("\n");

const COMMAND =
  /^\s*(request|book|rebook|invite list|invites|family|reports|outcome|quoracy|stand down|qa|consultation)\s+([A-Za-z0-9][A-Za-z0-9 ._-]{0,39})\s*$/i;

/** The meeting a command is about: the newest one not stood down. */
function current(meetings: readonly Meeting[]): Meeting | undefined {
  return [...meetings]
    .filter((m) => m.status !== "stood-down")
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/**
 * Typed messages in the 1:1 chat. Each command answers the card for the
 * case named, after the same authorisation as the card's own action; an
 * unknown command answers the help text. Reading a case is audited.
 */
export function messageHandler(deps: WorkflowDeps): MessageHandler {
  return async ({ actor, text }): Promise<ActionResponse> => {
    const mapped = await caseMappingMessage(deps, actor, text);
    if (mapped !== undefined) return mapped;
    const cla = await claMessage(deps, actor, text);
    if (cla !== undefined) return cla;
    // The chairs' own commands (003): unavailable, sick, rota, caseload.
    const chairs = await chairsCommand(deps, actor, text.replace(/<[^>]*>/g, "").trim());
    if (chairs !== undefined) return chairs;
    const match = COMMAND.exec(text.replace(/<[^>]*>/g, "").trim());
    if (match === null) return { kind: "message", text: HELP };
    const command = (match[1] ?? "").toLowerCase();
    const reference = (match[2] ?? "").trim();
    try {
      const kase = await loadCase(deps, caseIdOf(reference));
      const meetings = (await deps.store.meetingsOfCase(kase.id)).items;
      const meeting = current(meetings);
      const verb = `message.${command.replace(" ", "-")}`;
      await audit(deps, {
        caseId: kase.id,
        actor: actor.objectId,
        action: "case.read",
        target: { type: "case", id: kase.id },
        detail: { via: verb },
      });
      if (command === "request") {
        await authorise(deps, actor, REQUESTERS, { verb, kase });
        return cardResponse(requestCard(kase));
      }
      // 004: a consultation comes before any conference is requested.
      if (command === "consultation")
        return cardResponse(await consultationCommand(deps, actor, kase, meeting));
      if (meeting === undefined)
        throw new WorkflowError(
          "NotFound",
          `No conference has been requested for case ${kase.reference}.`,
        );
      switch (command) {
        case "book": {
          await authorise(deps, actor, ["clerk"], { verb, kase, meeting });
          if (meeting.status !== "requested")
            throw new WorkflowError("Conflict", "That conference is already booked.");
          const offer = meeting.offer;
          if (offer === undefined)
            throw new WorkflowError(
              "Conflict",
              "The slots are still being worked out: try again in a minute.",
            );
          return cardResponse(bookCard(deps, kase, meeting, offer));
        }
        case "rebook": {
          await authorise(deps, actor, ["clerk"], { verb, kase, meeting });
          if (meeting.status !== "booked" && meeting.status !== "invited") {
            throw new WorkflowError(
              "Conflict",
              "Only a booked conference that has not been held can be moved.",
            );
          }
          await enqueue(deps, {
            taskType: OFFER_REBOOKING,
            caseId: kase.id,
            meetingId: meeting.id,
            key: String(deps.clock().getTime()),
          });
          return {
            kind: "message",
            text: `Finding free slots for case ${kase.reference}: the booking card follows.`,
          };
        }
        case "invite list":
        case "invites":
          // Reopens with everyone on it (nobody lost); the clerk may edit too.
          await authorise(deps, actor, LIST_KEEPERS, { verb, kase, meeting });
          return cardResponse(await openInviteListCard(deps, kase, meeting));
        case "family":
          await authorise(deps, actor, ["social-worker", "team-manager"], { verb, kase, meeting });
          return cardResponse(familyAccessCard(deps, kase, meeting));
        case "reports":
          await authorise(deps, actor, ["social-worker", "team-manager"], { verb, kase, meeting });
          return cardResponse(await reportStatusCard(deps, kase, meeting));
        case "stand down":
          await authorise(deps, actor, STAND_DOWN_REQUESTERS, { verb, kase, meeting });
          return cardResponse(standDownRequestCard(deps, kase, meeting));
        case "quoracy":
          await authorise(deps, actor, ["chair"], { verb, kase, meeting });
          return cardResponse(await quoracyRecordCard(deps, kase, meeting));
        case "qa":
          return cardResponse(await qaCommand(deps, actor, kase, meeting));
        default:
          await authorise(deps, actor, ["chair"], { verb, kase, meeting });
          return cardResponse(outcomeCard(deps, kase, meeting));
      }
    } catch (err) {
      if (err instanceof WorkflowError) {
        return cardResponse(cards.refusal({ reason: err.message, code: err.code }));
      }
      throw err;
    }
  };
}
