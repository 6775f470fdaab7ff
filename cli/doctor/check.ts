/** One line of `convene doctor`: what was checked, how it went, and what to do about a failure. */
export interface CheckResult {
  area: "store" | "graph" | "bot" | "authority";
  name: string;
  /** warn: works, but not as it should be (more access than needed; something not checkable). */
  status: "pass" | "fail" | "warn";
  detail: string;
  /** What to do, for a failure or a warning. */
  fix?: string;
}

export const pass = (area: CheckResult["area"], name: string, detail: string): CheckResult => ({
  area,
  name,
  status: "pass",
  detail,
});

export const fail = (
  area: CheckResult["area"],
  name: string,
  detail: string,
  fix: string,
): CheckResult => ({ area, name, status: "fail", detail, fix });

export const warn = (
  area: CheckResult["area"],
  name: string,
  detail: string,
  fix: string,
): CheckResult => ({ area, name, status: "warn", detail, fix });

/** An error's name and code only: messages can carry a secret or a mailbox. */
export function errorName(error: unknown): string {
  if (!(error instanceof Error)) return "error";
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code !== error.name ? `${error.name} (${code})` : error.name;
}
