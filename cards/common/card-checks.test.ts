import { cardSchemaErrors } from "../__tests__/card-checks";

describe("the schema check itself", () => {
  it("accepts a minimal 1.5 card and refuses unknown properties and types", () => {
    const ok = { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "x" }] };
    expect(cardSchemaErrors(ok)).toEqual([]);
    expect(cardSchemaErrors({ ...ok, msteams: { width: "Full" } })).not.toEqual([]);
    expect(
      cardSchemaErrors({ ...ok, body: [{ type: "TextBlock", text: "x", color: "Red" }] }),
    ).not.toEqual([]);
    expect(cardSchemaErrors({ ...ok, body: [{ type: "Input.Toggle", id: "t" }] })).not.toEqual([]);
  });
});
