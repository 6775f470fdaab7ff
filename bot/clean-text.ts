/**
 * Text that enters from Teams is stripped of characters nobody types but an
 * attacker can use: control characters (a name carrying a line break can
 * add a header line or a fake paragraph to a family's email) and Unicode's
 * direction controls (U+202E RIGHT-TO-LEFT OVERRIDE makes "gnp.exe" read as
 * "exe.png"; see Unicode TR36, https://www.unicode.org/reports/tr36/#Bidirectional_Text_Spoofing,
 * and TR9's explicit formatting characters,
 * https://www.unicode.org/reports/tr9/#Explicit_Directional_Embeddings).
 *
 * - C0 controls U+0000-U+001F and DEL/C1 U+007F-U+009F;
 * - ALM U+061C, LRM/RLM U+200E-U+200F, embeddings and overrides U+202A-U+202E,
 *   isolates U+2066-U+2069.
 */
// eslint-disable-next-line no-control-regex
const NAME_UNWANTED = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Free text keeps tabs and line breaks (a note may have paragraphs). */
const TEXT_UNWANTED =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A person's name or a one-line label: no control or direction characters at all; trimmed. */
export function cleanName(value: string): string {
  return value.replace(NAME_UNWANTED, "").trim();
}

/** Free text (a note, a reason): direction controls and controls other than tab and line breaks removed. */
export function cleanText(value: string): string {
  return value.replace(TEXT_UNWANTED, "");
}

/** Names are keys that say so: name, displayName, givenName, fullName, firstName… */
const NAME_KEY = /name$/i;

/**
 * Every string in a parsed JSON value cleaned: under a key ending in "name"
 * as a name, elsewhere as free text. For card data, whose fields only the
 * workflow's schemas know. Keys are cleaned as text too.
 */
export function cleanJson(value: unknown, key = ""): unknown {
  if (typeof value === "string") return NAME_KEY.test(key) ? cleanName(value) : cleanText(value);
  if (Array.isArray(value)) return value.map((item) => cleanJson(item, key));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[cleanText(k)] = cleanJson(v, k);
    return out;
  }
  return value;
}

type Named = { name?: unknown } | undefined | null;

function cleanNamed(party: Named): void {
  if (party !== null && typeof party === "object" && typeof party.name === "string") {
    party.name = cleanName(party.name);
  }
}

/**
 * Where names enter from Teams: the sender, the recipient, the
 * conversation, members added or removed, and the card's submitted data.
 * Changes the parsed activity in place, before botbuilder sees it.
 */
export function cleanActivity(activity: Record<string, unknown>): void {
  cleanNamed(activity.from as Named);
  cleanNamed(activity.recipient as Named);
  cleanNamed(activity.conversation as Named);
  for (const list of [activity.membersAdded, activity.membersRemoved]) {
    if (Array.isArray(list)) for (const member of list) cleanNamed(member as Named);
  }
  if (activity.value !== undefined) activity.value = cleanJson(activity.value);
  if (typeof activity.text === "string") activity.text = cleanText(activity.text);
}
