/**
 * VTIMEZONE for Europe/London, so the .ics says DTSTART;TZID=Europe/London
 * (the wall time the clerk booked, as Graph's event does) and Outlook and
 * ical.js can resolve it without an outside zone database. The rule is the
 * UK's since 1996: BST from 01:00 UTC on the last Sunday of March to 01:00
 * UTC on the last Sunday of October (rules/calendar/london-time.ts uses the
 * same instants).
 */
export const LONDON_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/London",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0100",
  "TZNAME:BST",
  "DTSTART:19700329T010000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0000",
  "TZNAME:GMT",
  "DTSTART:19701025T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");
