import { VERBS } from "../../cards/verbs";
import { FamilyAccessSubmission } from "../../cards/family-access/submission";
import { InviteListDraft, InviteListSubmission } from "../../cards/invite-list/submission";
import { submitFamilyAccess } from "./family-access";
import { addInviteeRow, submitInviteList } from "./invite-list";
import { LETTER_REMINDER, recordLetterSent, remindLetter } from "./letters";
import { LetterSentSubmission } from "../../cards/invitation-letter/build";
import { sendPoliceChecks } from "./police-checks";
import { sendInvites } from "./send-invites";
import { type Feature, taskEntry } from "../kernel/registry";

/** What this feature declares: its card verbs (schema, use case, roles offered) and its task types. */
export const invitationsFeature: Feature = {
  name: "invitations",
  verbs: [
    {
      verb: VERBS.addInvitee,
      submission: InviteListDraft,
      handle: addInviteeRow,
      roles: ["social-worker", "team-manager", "clerk"],
    },
    {
      verb: VERBS.submitInviteList,
      submission: InviteListSubmission,
      handle: submitInviteList,
      roles: ["social-worker", "team-manager", "clerk"],
    },
    {
      verb: VERBS.recordLetterSent,
      submission: LetterSentSubmission,
      handle: recordLetterSent,
      roles: ["social-worker", "team-manager", "clerk"],
    },
    {
      verb: VERBS.submitFamilyAccess,
      submission: FamilyAccessSubmission,
      handle: submitFamilyAccess,
      roles: ["social-worker", "team-manager"],
    },
  ],
  tasks: [
    taskEntry("meeting.send-invites", sendInvites),
    taskEntry("meeting.police-checks", sendPoliceChecks),
    taskEntry(LETTER_REMINDER, remindLetter),
  ],
};
