/**
 * CSV for the lists' email attachments (the councils' other procedures: people not in Teams, and
 * the rows a card leaves out), written by hand to RFC 4180:
 *
 * - one record per line, lines ended with CRLF, the last one included;
 * - a header row first, with the same number of fields as every record;
 * - a field containing a comma, a double quote, CR or LF is enclosed in
 *   double quotes, and a double quote inside it is doubled (`"` → `""`);
 *   other fields are written as they are.
 *
 * Formula injection (CSV injection): a spreadsheet opening the file runs a
 * cell that begins with `=`, `+`, `-` or `@` as a formula, and free text in
 * these lists (a reason, a rationale, a team's name) is typed by people.
 * As the OWASP guidance on CSV injection recommends, such a text value is
 * prefixed with a single quote (`'=1+1`), which makes Excel and LibreOffice
 * show it as text; tab and carriage return at the start are treated the
 * same (OWASP lists them too), and so is one of those characters after
 * leading spaces, which some spreadsheets trim. The quote is visible in the
 * cell: the price of the file being safe to open. Numbers (counts) are
 * written as numbers and never prefixed.
 */

export type CsvValue = string | number | boolean | null | undefined;

/** A text value starting (after any spaces) with one of these is prefixed with `'`. */
export const FORMULA_START = /^[ ]*[=+\-@\t\r]/;

const NEEDS_QUOTES = /[",\r\n]/;

/** One field, escaped (and protected against formula injection if it is text). */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header row and the records, CRLF after each (RFC 4180). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map(csvField).join(",")];
  rows.forEach((row, i) => {
    if (row.length !== header.length)
      throw new RangeError(`row ${i + 1} has ${row.length} fields, the header ${header.length}`);
    lines.push(row.map(csvField).join(","));
  });
  return `${lines.join("\r\n")}\r\n`;
}

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/**
 * Excel reads a CSV without a byte order mark in the PC's legacy code page
 * ("Zoë" becomes "ZoÃ«"): the attachment starts with the UTF-8 BOM.
 */
export const UTF8_BOM = "\uFEFF";

export interface CsvAttachment {
  /** "list.weekly-2027-01-04.csv" */
  fileName: string;
  contentType: typeof CSV_CONTENT_TYPE;
  /** UTF-8 with a BOM (base64 it for Graph's fileAttachment.contentBytes). */
  content: Buffer;
}

/** The attachment of a CSV: named after the list and the date it is for, UTF-8 with a BOM. */
export function csvAttachment(list: string, date: string, csv: string): CsvAttachment {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "-");
  return {
    fileName: `${safe(list)}-${safe(date)}.csv`,
    contentType: CSV_CONTENT_TYPE,
    content: Buffer.from(`${UTF8_BOM}${csv}`, "utf8"),
  };
}
