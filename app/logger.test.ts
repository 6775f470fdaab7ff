import { Writable } from "node:stream";
import { createLogger } from "./logger";

describe("createLogger", () => {
  it("censors personal keys if a whole object is ever logged", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger("info", sink);
    logger.info(
      { caseId: "case-1", child: { name: "Child A", dob: "2019-03-02" }, email: "a@b.example" },
      "x",
    );
    const line = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(line.caseId).toBe("case-1");
    expect(line.child).toEqual({ name: "[redacted]", dob: "[redacted]" });
    expect(line.email).toBe("[redacted]");
  });
});
