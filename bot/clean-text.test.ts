import { cleanActivity, cleanJson, cleanName, cleanText } from "./clean-text";

/** Names and card text lose control and direction characters where they enter from Teams. */
describe("clean text at the edge", () => {
  it("strips control and direction-override characters from a name", () => {
    expect(cleanName("Ama\u202Egnp.exe")).toBe("Amagnp.exe");
    expect(cleanName(" Jo\r\nBcc: someone@example.com ")).toBe("JoBcc: someone@example.com");
    expect(cleanName("\u2066Sam\u2069 O\u200FBrien\u0000")).toBe("Sam OBrien");
    expect(cleanName("Zoë Ní Bhriain-Łukasz 李")).toBe("Zoë Ní Bhriain-Łukasz 李");
  });

  it("keeps line breaks and tabs in free text but not direction overrides", () => {
    expect(cleanText("line one\nline two\ttab\u202E\u0007")).toBe("line one\nline two\ttab");
  });

  it("cleans card data: names as names, other strings as text, nested", () => {
    expect(
      cleanJson({
        familyMembers: [{ displayName: "Mum\n\u202EX", relationship: "mother\u0008" }],
        note: "a\nb\u202D",
        count: 3,
      }),
    ).toEqual({
      familyMembers: [{ displayName: "MumX", relationship: "mother" }],
      note: "a\nb",
      count: 3,
    });
  });

  it("cleans the sender's and the members' names in an activity", () => {
    const activity: Record<string, unknown> = {
      from: { id: "29:x", name: "Casey\u202E Clerk" },
      recipient: { id: "28:bot", name: "Convene\u0000" },
      membersAdded: [{ id: "29:y", name: "New\r\nPerson" }],
      value: { action: { data: { childName: "A\u2067B" } } },
    };
    cleanActivity(activity);
    expect(activity).toEqual({
      from: { id: "29:x", name: "Casey Clerk" },
      recipient: { id: "28:bot", name: "Convene" },
      membersAdded: [{ id: "29:y", name: "NewPerson" }],
      value: { action: { data: { childName: "AB" } } },
    });
  });
});
