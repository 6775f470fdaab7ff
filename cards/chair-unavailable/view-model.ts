import type { Redisplay } from "../common/view-model";

/** A chair's "unavailable" card (West Sussex): their slots to come, and a form to add one. */
export interface ChairUnavailableView extends Redisplay {
  chairName: string;
  /** Their slots from today, as shown: "Annual leave", "Mon 1 Feb 2027 09:00 – Fri 5 Feb 2027 17:00". */
  upcoming: { kindText: string; whenText: string }[];
}
