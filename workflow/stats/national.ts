/**
 * England's published ICPC timeliness (Department for Education, "Children
 * in need" statistics, from the children in need census): the share of
 * initial child protection conferences held within 15 working days of the
 * strategy discussion that started the section 47 enquiry.
 */
export const NATIONAL_ICPC_TIMELINESS = [
  { year: "2022-23", percent: 78.5 },
  { year: "2024-25", percent: 81.4 },
] as const;

/** The latest national figure, shown beside the council's own. */
export const LATEST_NATIONAL = NATIONAL_ICPC_TIMELINESS[NATIONAL_ICPC_TIMELINESS.length - 1]!;
