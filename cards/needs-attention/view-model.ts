/** One open problem, in plain words (workflow/failures/words.ts writes them). */
export interface AttentionItem {
  incidentId: string;
  /** "The police check request could not be sent". */
  what: string;
  /** "Case C-1001, conference Fri 29 Jan 2027 10:00". */
  where: string;
  /** "Outlook refused to send it: a permission or an address needs fixing." */
  why: string;
  /** Formatted already. */
  when: string;
  /** Only a failed task can be retried. */
  canRetry: boolean;
}

export interface NeedsAttentionView {
  /** What has just gone wrong: the card's subject. */
  latest: AttentionItem;
  /** Everything else still open, newest first. */
  open: AttentionItem[];
  /** Open problems beyond those listed. */
  more: number;
}
