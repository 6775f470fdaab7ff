import { z } from "zod";
import { caseAction } from "./action-data";
import { groupOf, rowsOf } from "./dotted";
import { FORM_FIELD, fieldErrors, parseSubmission } from "./errors";
import { choice, localDate, multiChoice, requiredText, toggle } from "./fields";
import { submittedValues } from "./values";

describe("card field helpers", () => {
  it("reads toggles as Teams sends them, and refuses anything else", () => {
    const s = toggle();
    expect(s.parse("true")).toBe(true);
    expect(s.parse("false")).toBe(false);
    expect(s.parse(undefined)).toBe(false);
    expect(s.parse(true)).toBe(true);
    expect(s.safeParse("yes").success).toBe(false);
  });

  it("treats a blank text box as not given and trims", () => {
    const s = requiredText("Enter it", 5);
    expect(s.parse("  abc ")).toBe("abc");
    expect(s.safeParse("   ").error?.issues[0]?.message).toBe("Enter it");
    expect(s.safeParse("abcdef").error?.issues[0]?.message).toMatch(/under 5/);
  });

  it("splits a multi-select ChoiceSet's comma-joined value", () => {
    expect(multiChoice(z.string()).parse("a, b,,c")).toEqual(["a", "b", "c"]);
    expect(multiChoice(z.string()).parse("")).toEqual([]);
  });

  it("refuses impossible dates and unknown choices with the given message", () => {
    expect(localDate("Enter a date").safeParse("2027-02-30").success).toBe(false);
    expect(localDate("Enter a date").parse("2028-02-29")).toBe("2028-02-29");
    expect(choice(["a", "b"], "Pick one").safeParse("c").error?.issues[0]?.message).toBe(
      "Pick one",
    );
  });

  it("needs the case id in the action data", () => {
    const s = z.object(caseAction);
    expect(parseSubmission(s, { caseId: "" })).toEqual({
      ok: false,
      errors: { caseId: "The card has no case id" },
    });
    expect(parseSubmission(s, { caseId: "a/b" }).ok).toBe(false);
    expect(parseSubmission(s, { caseId: "c1", cardVersion: "" })).toEqual({
      ok: true,
      value: { caseId: "c1" },
    });
  });
});

describe("fieldErrors", () => {
  it("keys each issue by its input id and keeps the first message per field", () => {
    const s = z.object({
      a: z.string({ error: "A!" }),
      rows: z.array(z.object({ b: z.string({ error: "B!" }) })),
    });
    const r = s.safeParse({ rows: [{ b: "ok" }, {}] });
    expect(fieldErrors(r.error!)).toEqual({ a: "A!", "rows.1.b": "B!" });
  });

  it("puts errors of the whole submission under the form", () => {
    const r = z.object({}).safeParse("nonsense");
    expect(Object.keys(fieldErrors(r.error!))).toEqual([FORM_FIELD]);
  });
});

describe("dotted input ids", () => {
  it("groups rows by index and refuses huge or odd indexes", () => {
    const data = { "x.1.name": "B", "x.0.name": "A", "x.3.name": "D", other: 1 };
    expect(rowsOf(data, "x", 30)).toEqual([{ name: "A" }, { name: "B" }, {}, { name: "D" }]);
    expect(rowsOf({ "x.999999.name": "Z" }, "x", 30)).toBeUndefined();
    expect(rowsOf({ "x.01.name": "Z" }, "x", 30)).toBeUndefined();
  });

  it("never writes to an object's prototype", () => {
    const g = groupOf({ "p.__proto__.polluted": "yes", "p.a.__proto__": "yes" }, "p");
    expect(Object.keys(g)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("submittedValues", () => {
  it("keeps scalars as strings for re-rendering", () => {
    expect(submittedValues({ a: "x", b: true, c: 2, d: { e: 1 }, f: null })).toEqual({
      a: "x",
      b: "true",
      c: "2",
    });
    expect(submittedValues("nonsense")).toEqual({});
  });
});
