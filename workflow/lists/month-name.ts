import { ymdFromDay, type DayNumber } from "../../rules";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2027-02" for a day of February 2027. */
export function monthId(day: DayNumber): string {
  const { year, month } = ymdFromDay(day);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** "February 2027" for "2027-02" (en-GB, as the cards' titles say it). */
export function monthName(month: string): string {
  const [year, m] = month.split("-");
  return `${MONTHS[Number(m) - 1] ?? m} ${year}`;
}
