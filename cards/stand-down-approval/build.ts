import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import template from "./template.json";
import type { StandDownApprovalView } from "./view-model";

const FIELDS = ["refuseReason"] as const;

/**
 * An approver's card: the reason, who asked, the rationale, approvals
 * already in, who will tell the attendees and what happens to the
 * rebooking. Approve (the meeting stays booked until every approval the
 * policy needs is in) or Refuse with a reason (docs/rules.md, stand-down: the
 * request is closed and the meeting goes ahead). No child is named.
 */
export function buildStandDownApprovalCard(view: StandDownApprovalView): CardJson {
  const facts = [
    { title: "Reason", value: view.reasonText },
    { title: "Asked by", value: view.requestedByName },
    ...view.approvals.map((a) => ({
      title: "Approved by",
      value: `${a.name}, ${formatInstant(a.at)}`,
    })),
    { title: "Attendees told by", value: view.teller },
    { title: "Rebooking", value: view.rebookText },
  ];
  return expandCard(template, {
    fallbackText: `Approval needed: stand down the ${view.meetingKind} for case ${view.caseReference}`,
    caseId: view.caseId,
    meetingId: view.meetingId,
    requestId: view.requestId,
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    meetingKind: view.meetingKind,
    meetingText:
      view.meetingStart === undefined ? "not booked yet" : formatInstant(view.meetingStart),
    rationale: view.rationale,
    approvalText: view.approvalText,
    facts,
    v: inputValues(FIELDS, view.values, {}),
    e: fieldErrorsOn(FIELDS, view.errors),
    // The reason sits in the folded ShowCard: its error is spelled out in the summary too.
    summary: errorSummary(view.errors, () => false),
  });
}
