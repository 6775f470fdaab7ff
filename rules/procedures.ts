/**
 * The council procedures the policies come from, named in words. A policy's
 * `source` names the procedure's file as the councils supplied it; people read
 * the name below instead (docs/rules.md is generated from this and the
 * registry). Names, numbers and mailboxes inside the procedures are
 * configuration examples, never code.
 */
export interface Procedure {
  /** The file a policy's `source` names. */
  readonly file: string;
  /** The policy built from it. */
  readonly policy: string;
  /** Authority, title and date as the document gives them. */
  readonly name: string;
}

export const PROCEDURES: readonly Procedure[] = [
  {
    file: "000_dbf8fe377aeda463.txt",
    policy: "swindon",
    name: "Swindon, CSMT process for invites and reports to CP conferences and CLA reviews, Aug 2022",
  },
  {
    file: "001_c2f53fab5fd54b39.txt",
    policy: "virtual-conference",
    name: "Virtual CP conference and LAC review process (chairs are Child Protection Advisors), undated",
  },
  {
    file: "002_f360489d1f14a891.txt",
    policy: "leicestershire",
    name: "Leicestershire, leaflet: Principles of a Productive Child Protection Conference, May 2024",
  },
  {
    file: "003_3ceb4ecab9be81a2.txt",
    policy: "west-sussex",
    name: "West Sussex, Conference Service practice guidance, undated",
  },
  {
    file: "004_36d89ac9f3564f3d.txt",
    policy: "chair-consultation",
    name: "Revised process for CP conferences: CP chair consultations, re-referrals and CIN case mapping, undated",
  },
];

/** A `source` with every procedure file replaced by the procedure's name. */
export function sourceInWords(source: string): string {
  let words = source;
  for (const p of PROCEDURES) {
    words = words.split(p.file).join(p.name + ",");
  }
  // "name, rules 1, 4" reads well; "name, (by DAY 4)" and a trailing comma do not.
  return words
    .replace(/,\s*\(/g, " (")
    .replace(/,(\s*;|\s*$)/g, "$1")
    .replace(/,,/g, ",");
}
