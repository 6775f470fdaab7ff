/** What a command prints, and its exit code when it is not 0 (a check that found a problem). */
export interface CommandResult {
  output: string;
  code?: number;
}
