/**
 * A chat answer as a card: a line or two of plain words, what the person can
 * type, and buttons that type it for them (Teams "imBack": pressing one sends
 * its words to the chat as if typed).
 */
export interface ChatAnswerView {
  /** "Hello Sam", "Did you mean case C-1001?". */
  title: string;
  /** Plain sentences, one TextBlock each. */
  lines: string[];
  /** What can be typed and what it does: "request C-1001" → "ask for a conference". */
  commands: { words: string; what: string }[];
  /** At most 6 buttons; each sends `say` to the chat. */
  buttons: { title: string; say: string }[];
  /** The notification preview: never a child's name. */
  preview: string;
}
