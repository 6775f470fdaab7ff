import type { ChatAnswerView } from "./view-model";

export const chatHelpSample: ChatAnswerView = {
  title: "Hello Sam",
  lines: ["You are a social worker in Convene. Type one of these, or press a button:"],
  commands: [
    { words: "request REF", what: "ask for a child protection conference on a case" },
    { words: "invite list REF", what: "the invite list for a case's conference" },
  ],
  buttons: [
    { title: "My cases", say: "my cases" },
    { title: "request CP-2026-0412", say: "request CP-2026-0412" },
  ],
  preview: "What you can do in Convene",
};
