import { parseCsv } from "../__tests__/csv-reader";
import { csvAttachment, csvField, FORMULA_START, toCsv, UTF8_BOM } from "./csv";

describe("CSV fields (RFC 4180)", () => {
  it("writes plain text as it is", () => {
    expect(csvField("CP-2026-0412")).toBe("CP-2026-0412");
    expect(csvField("Grace Okafor")).toBe("Grace Okafor");
    expect(csvField("")).toBe("");
    expect(csvField("Zoë Ní Bhriain – Łódź")).toBe("Zoë Ní Bhriain – Łódź");
  });

  it("quotes a field with a comma, a quote, CR or LF, doubling its quotes", () => {
    expect(csvField("Hughes, Daniel")).toBe('"Hughes, Daniel"');
    expect(csvField('The "duty" chair')).toBe('"The ""duty"" chair"');
    expect(csvField('"')).toBe('""""');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("line one\r\nline two")).toBe('"line one\r\nline two"');
    expect(csvField("a\rb")).toBe('"a\rb"');
  });

  it("writes numbers and booleans for spreadsheets, nothing for absent values", () => {
    expect(csvField(12)).toBe("12");
    expect(csvField(0)).toBe("0");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(true)).toBe("Yes");
    expect(csvField(false)).toBe("No");
    expect(csvField(undefined)).toBe("");
    expect(csvField(null)).toBe("");
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
  });

  it("prefixes text a spreadsheet would run as a formula with a single quote", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("+44 1632 960000")).toBe("'+44 1632 960000");
    expect(csvField("-2 days")).toBe("'-2 days");
    expect(csvField("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvField("\t=cmd")).toBe("'\t=cmd");
    expect(csvField("  =1+1")).toBe("'  =1+1");
    // Then quoted as any other field: the quote goes inside the quotes.
    expect(csvField('=HYPERLINK("http://evil.example","Click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""Click"")"',
    );
    expect(csvField("\r=1")).toBe('"\'\r=1"');
    expect(csvField('=cmd|" /C calc"!A0')).toBe('"\'=cmd|"" /C calc""!A0"');
  });

  it("leaves alone text with those characters anywhere but the start", () => {
    expect(csvField("CP-2026-0412")).toBe("CP-2026-0412");
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("team@council")).toBe("team@council");
    expect(FORMULA_START.test("1+1")).toBe(false);
  });
});

describe("CSV text", () => {
  it("has a header row and CRLF after every record, the last included", () => {
    const text = toCsv(
      ["Case reference", "Reason"],
      [
        ["CP-1", "Chair off sick"],
        ["CP-2", ""],
      ],
    );
    expect(text).toBe("Case reference,Reason\r\nCP-1,Chair off sick\r\nCP-2,\r\n");
    expect(toCsv(["A"], [])).toBe("A\r\n");
  });

  it("refuses a record with more or fewer fields than the header", () => {
    expect(() => toCsv(["A", "B"], [["1"]])).toThrow(/row 1 has 1 fields, the header 2/);
    expect(() => toCsv(["A"], [["1", "2"]])).toThrow(RangeError);
  });

  it("reads back exactly what was written, however tricky", () => {
    const tricky = [
      "plain",
      "Hughes, Daniel",
      'She said "no"',
      "two\nlines",
      "two\r\nlines",
      "",
      " leading and trailing spaces ",
      ",",
      '""',
      "O'Neil",
      "emoji 🙂 and 中文",
      "tab\tinside",
    ];
    const text = toCsv(
      ["n", "value"],
      tricky.map((v, i) => [i, v]),
    );
    const back = parseCsv(text);
    expect(back[0]).toEqual(["n", "value"]);
    expect(back.slice(1).map((r) => r[1])).toEqual(tricky);
    expect(back.every((r) => r.length === 2)).toBe(true);
  });

  it("reads back formula-like text with its protecting quote, and nothing else changed", () => {
    const evil = ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", '=HYPERLINK("x","y")'];
    const back = parseCsv(
      toCsv(
        ["value"],
        evil.map((v) => [v]),
      ),
    );
    expect(back.slice(1).map((r) => r[0])).toEqual(evil.map((v) => `'${v}`));
  });
});

describe("CSV attachment", () => {
  it("is UTF-8 with a BOM (Excel), named after the list and the date", () => {
    const a = csvAttachment("list.weekly", "2027-01-04", "A\r\nZoë\r\n");
    expect(a.fileName).toBe("list.weekly-2027-01-04.csv");
    expect(a.contentType).toBe("text/csv; charset=utf-8");
    expect([...a.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(a.content.toString("utf8")).toBe(`${UTF8_BOM}A\r\nZoë\r\n`);
    expect(csvAttachment("report/exceptions", "../x", "").fileName).toBe(
      "report-exceptions-..-x.csv",
    );
  });
});
