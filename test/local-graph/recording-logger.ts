/** A Logger that keeps every line, so tests can search them (privacy) and read codes. */
export class RecordingLogger implements Logger {
  readonly lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  debug(obj: Record<string, unknown>, msg: string): void {
    this.lines.push({ level: "debug", obj, msg });
  }
  info(obj: Record<string, unknown>, msg: string): void {
    this.lines.push({ level: "info", obj, msg });
  }
  warn(obj: Record<string, unknown>, msg: string): void {
    this.lines.push({ level: "warn", obj, msg });
  }
  error(obj: Record<string, unknown>, msg: string): void {
    this.lines.push({ level: "error", obj, msg });
  }
  text(): string {
    return this.lines.map((l) => JSON.stringify(l)).join("\n");
  }
}
import { type Logger } from "../../ports/logger";
