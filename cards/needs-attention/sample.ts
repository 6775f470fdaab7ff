import type { NeedsAttentionView } from "./view-model";

/** A refused police-check email, with one older problem still open. */
export const needsAttentionSample: NeedsAttentionView = {
  latest: {
    incidentId: "task-failed:case-C-1001.icpc.2027-01-11:meeting.police-checks:1",
    what: "The police check request could not be sent",
    where: "Case C-1001, conference Fri 29 Jan 2027 10:00",
    why: "Outlook refused it: a permission or an email address needs to be put right.",
    when: "Tue 19 Jan 2027 11:00",
    canRetry: true,
  },
  open: [
    {
      incidentId: "unreadable:task:case-C-1002.icpc.2027-01-04:icpc.latest",
      what: "A stored record could not be read",
      where: "a stored task",
      why: "It was set aside so nothing else is held up; it needs to be checked and put right by hand.",
      when: "Mon 18 Jan 2027 09:00",
      canRetry: false,
    },
  ],
  more: 0,
};
