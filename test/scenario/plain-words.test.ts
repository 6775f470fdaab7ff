import { plainWordsProblems } from "./plain-words";

/** The guard itself: each internal word is caught, and ordinary dates, times and references are not. */
describe("the plain-words guard", () => {
  const problems = (text: string) => plainWordsProblems("test", text).map((f) => f.problem);

  it.each([
    ["The police will not run a check without a reason (002)", "a procedure number"],
    ["It goes to the people 003 names", "a procedure number"],
    ["as 002 rule 4 says", "a procedure rule"],
    [`Reason (RULES${".md"} section 5)`, "a file name"],
    ["Legal limit (icpc.latest)", "a rule id"],
    ["Rule | police-checks.request | Done", "a rule id"],
    ["You can't do this. Reference: NotFound", "an error code"],
    ["You are invited to a initial child protection conference", "a grammar slip"],
  ])("catches %p", (text, problem) => {
    expect(problems(text)).toContain(problem);
  });

  it.each([
    "Must be held by Mon 22 Mar 2027 17:00",
    "Duty chair rota: 2027-02, 20 working days",
    "Case C-1001 · CP-2026-0412 · 10:00–11:30",
    "You are invited to an initial child protection conference on 1 Feb 2027 (UK time).",
    "Invites out by Fri 29 Jan 2027; the record is available to members.",
    "mother.c-1004@home.example",
  ])("leaves %p alone", (text) => {
    expect(problems(text)).toEqual([]);
  });
});
