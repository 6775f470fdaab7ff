import {
  EMAIL_ID_PROPERTY,
  odataString,
  sendMailUrl,
  sentItemsLookupUrl,
  toSendMail,
} from "./mail";

describe("toSendMail", () => {
  it("one To, plain text, saved to Sent Items, Convene's id in its own property", () => {
    expect(
      toSendMail({
        id: "meeting-1:invite:parent-1",
        to: { email: "parent@family.example", name: "Parent One" },
        subject: "Invitation: child protection conference",
        bodyText: "Join: https://teams.microsoft.com/l/meetup-join/x",
      }),
    ).toEqual({
      message: {
        subject: "Invitation: child protection conference",
        body: { contentType: "text", content: "Join: https://teams.microsoft.com/l/meetup-join/x" },
        toRecipients: [{ emailAddress: { address: "parent@family.example", name: "Parent One" } }],
        singleValueExtendedProperties: [
          { id: EMAIL_ID_PROPERTY, value: "meeting-1:invite:parent-1" },
        ],
      },
      saveToSentItems: true,
    });
  });

  it("copies only when asked (staff escalations), never by default", () => {
    const email = {
      id: "e",
      to: { email: "tm@council.example", name: "TM" },
      subject: "URGENT CLA/CP",
      bodyText: "Overdue.",
    };
    expect(toSendMail(email).message).not.toHaveProperty("ccRecipients");
    expect(toSendMail({ ...email, cc: [] }).message).not.toHaveProperty("ccRecipients");
    expect(
      toSendMail({ ...email, cc: [{ email: "sm@council.example", name: "SM" }] }).message
        .ccRecipients,
    ).toEqual([{ emailAddress: { address: "sm@council.example", name: "SM" } }]);
  });

  it("attaches files inline as fileAttachments, bytes base64, the Convene id unchanged", () => {
    const csv = Buffer.from("\uFEFFCase reference\r\nC-1001\r\n", "utf8");
    const message = toSendMail({
      id: "task-1:csv:director",
      to: { email: "director@council.example", name: "Director" },
      subject: "Weekly list",
      bodyText: "Attached.",
      attachments: [{ name: "list.weekly-2027-01-04.csv", contentType: "text/csv", content: csv }],
    }).message;
    expect(message.attachments).toEqual([
      {
        "@odata.type": "#microsoft.graph.fileAttachment",
        name: "list.weekly-2027-01-04.csv",
        contentType: "text/csv",
        contentBytes: csv.toString("base64"),
      },
    ]);
    expect(Buffer.from(message.attachments?.[0]?.contentBytes ?? "", "base64").equals(csv)).toBe(
      true,
    );
    expect(message.singleValueExtendedProperties).toEqual([
      { id: EMAIL_ID_PROPERTY, value: "task-1:csv:director" },
    ]);
    const noFiles = {
      id: "e",
      to: { email: "a@x.example", name: "A" },
      subject: "S",
      bodyText: "B",
    };
    expect(toSendMail({ ...noFiles, attachments: [] }).message).not.toHaveProperty("attachments");
  });

  it("the property id is a named MAPI string property in Convene's own set", () => {
    expect(EMAIL_ID_PROPERTY).toMatch(/^String \{[0-9a-f-]{36}\} Name ConveneEmailId$/);
  });
});

describe("URLs", () => {
  it("encode the mailbox", () => {
    expect(sendMailUrl("conferences@council.example")).toBe(
      "/users/conferences%40council.example/sendMail",
    );
  });

  it("look a message up in Sent Items by its Convene id, OData-quoted and URL-encoded once", () => {
    const url = sentItemsLookupUrl("c@council.example", "m-1:invite:o'brien");
    const [path, query] = url.split("?") as [string, string];
    expect(path).toBe("/users/c%40council.example/mailFolders/sentitems/messages");
    const params = new URLSearchParams(query);
    expect(params.get("$filter")).toBe(
      `singleValueExtendedProperties/any(ep: ep/id eq '${EMAIL_ID_PROPERTY}' and ep/value eq 'm-1:invite:o''brien')`,
    );
    expect(params.get("$select")).toBe("id");
    expect(odataString("a'b''c")).toBe("a''b''''c");
  });
});
