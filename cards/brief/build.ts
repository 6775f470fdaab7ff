import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant, formatRange } from "../common/format";
import type { BriefAttendee, BriefView } from "./view-model";
import template from "./template.json";

const JOINING = {
  video: "By video link",
  phone: "By phone (audio only)",
  "in-person": "In person",
};
const SHARING = { "secure-email": "Secure email", post: "Post", "by-hand": "By hand" };

/** Who, and how they were invited (a letter not yet sent shows here, before the meeting). */
const who = (a: BriefAttendee) => ({
  title: a.name,
  value:
    [a.role, a.agency].filter(Boolean).join(", ") +
    (a.rsvp === "tentative" ? " (tentative)" : "") +
    `. Invited by: ${a.route}`,
});

/**
 * The chair's brief. The chair is staff on the case, so the body may name
 * the index child, by first name only (the least a chair needs to connect
 * the brief to the family they are about to meet); siblings are a count,
 * and the fallbackText (the notification preview) names the case reference
 * only. Police checks say requested/returned, never what they found
 * (criminal offence data).
 */
export function buildBriefCard(view: BriefView): CardJson {
  const startText = formatInstant(view.start);
  const siblings = view.childCount - 1;
  const childrenText =
    view.indexChildFirstName !== undefined
      ? `${view.indexChildFirstName} (index child)${siblings > 0 ? ` and ${siblings} sibling${siblings === 1 ? "" : "s"}` : ""}`
      : `${view.childCount} child${view.childCount === 1 ? "" : "ren"}`;
  const facts = [
    { title: "When", value: formatRange(view.start, view.end) },
    {
      title: "Where",
      value: view.inPerson
        ? `In person and on Teams: ${view.venue ?? "room not recorded"}`
        : "Teams meeting",
    },
    { title: "Children", value: childrenText },
  ];
  const received = view.reports.filter((r) => r.received).length;
  const returned = view.policeChecks.filter((p) => p.returned).length;
  const fa = view.familyAccess;
  const family = [
    {
      title: "Interpreter",
      value: view.interpreter
        ? `${view.interpreter.language}${view.interpreter.booked ? ", booked" : ", NOT booked yet"}`
        : // Nothing recorded is "Not recorded", never "Not needed" (plain words: no default stated as fact).
          fa
          ? "Not needed"
          : "Not recorded",
    },
    ...(fa
      ? [
          { title: "Joining", value: JOINING[fa.joiningBy] },
          { title: "Technology", value: fa.technology },
          ...(fa.accessibilityNeeds
            ? [{ title: "Accessibility", value: fa.accessibilityNeeds }]
            : []),
          ...(fa.reportSharing ? [{ title: "Reports by", value: SHARING[fa.reportSharing] }] : []),
          ...(fa.participationRisks ? [{ title: "Risks", value: fa.participationRisks }] : []),
        ]
      : [{ title: "Access needs", value: "Not recorded by the social worker" }]),
    {
      title: "Split conference",
      value:
        view.split === undefined
          ? "Not recorded"
          : view.split.needed
            ? `Yes${view.split.reason ? `: ${view.split.reason}` : ""}`
            : "No",
    },
  ];
  return expandCard(template, {
    fallbackText: `Pre-meeting brief: ${view.meetingKind} for case ${view.caseReference}, ${startText}`,
    meetingKind: view.meetingKind,
    caseReference: view.caseReference,
    startText,
    facts,
    repeatPlan: view.repeatPlan ?? { flagged: false, reason: "" },
    longPlan: view.longPlan ?? { flagged: false, reason: "" },
    accepted: view.attendees.filter((a) => a.rsvp === "accepted").map(who),
    declined: view.attendees.filter((a) => a.rsvp === "declined").map(who),
    noReply: view.attendees.filter((a) => a.rsvp === "pending" || a.rsvp === "tentative").map(who),
    reportsText:
      view.reports.length === 0
        ? "No reports expected yet."
        : `${received} of ${view.reports.length} in.`,
    reports: view.reports.map((r) => ({
      title: r.author,
      value: r.received ? "Received" : "Not received",
    })),
    policeText:
      view.policeChecks.length === 0
        ? "None requested."
        : `${view.policeChecks.length} requested: ${returned} returned, ${view.policeChecks.length - returned} awaited.`,
    police: view.policeChecks.map((p) => ({
      title: p.name,
      value: p.returned ? "Returned" : "Awaited",
    })),
    family,
    joinUrl: view.joinUrl ?? "",
  });
}
