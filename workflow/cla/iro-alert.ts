import type { Case, InviteList, Meeting } from "../../model";
import { formatHumanInstant } from "../../rules";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { sendCardOnce } from "../kernel/notify";
import { CLA_IRO_ALERT_RULE, claEntry } from "./invites-timing";
import { reviewNumberOf } from "./review-anchors";

/**
 * Virtual-conference (`cla.report-and-invite-list`): once the SW's invite list is in, the
 * IRO is alerted so they can contact the young person, carer and others to
 * gather their views before the review. One card per review and IRO
 * (`${meetingId}:cla.iro-alert:${iro}`): a list sent again alerts nobody
 * twice. Nothing under policies without the rule.
 */
export async function alertIroOfList(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  list: InviteList,
  taskId: string,
): Promise<boolean> {
  const iro = meeting.chair;
  const entry = claEntry(deps.policy, meeting, CLA_IRO_ALERT_RULE);
  if (iro === undefined || entry === undefined || !list.complete) return false;
  const family = list.invitees.filter((i) => i.relation !== "professional").length;
  const delivery = await sendCardOnce(deps, {
    id: `${meeting.id}:cla.iro-alert:${iro.entraObjectId}`,
    kind: "cla-iro-alert",
    recipient: iro,
    card: cards.done({
      title: "CLA review: the invite list is in",
      message:
        "The social worker has completed the invite list for this review. You can now talk to the young person, their carers, family and professionals to gather their views.",
      caseReference: kase.reference,
      facts: [
        {
          title: "Review",
          value: `${reviewNumberOf(meeting)}, ${formatHumanInstant(Date.parse(meeting.start ?? ""))}`,
        },
        { title: "People invited", value: String(list.invitees.length) },
        { title: "Family and carers", value: String(family) },
        { title: "Due", value: formatHumanInstant(Date.parse(entry.at)) },
      ],
    }),
    preview: `CLA review invite list in for case ${kase.reference}`,
    taskId,
    caseId: kase.id,
    meetingId: meeting.id,
  });
  return delivery !== "already-sent";
}
