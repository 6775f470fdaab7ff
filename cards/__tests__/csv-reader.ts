/**
 * A strict RFC 4180 reader, for round trips: records end with CRLF (a bare
 * CR or LF outside quotes is an error), a quoted field doubles its quotes
 * and may hold commas and line breaks, an unquoted one may not hold quotes.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`${why} at ${i}`);
  };
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail("unterminated quote");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
        if (text[i] === '"') fail("quote in an unquoted field");
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
    } else fail("expected , or CRLF");
  }
  if (record.length > 0) fail("no CRLF after the last record");
  return records;
}
