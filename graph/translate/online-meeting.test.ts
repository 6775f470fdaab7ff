import {
  PREFER_UNKNOWN_ENUMS,
  eventUrl,
  onlineMeetingByJoinUrl,
  onlineMeetingUrl,
} from "./online-meeting";

describe("online meeting URLs", () => {
  it("filter by JoinWebUrl with the join URL as it is, the filter encoded once", () => {
    const join =
      "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d";
    const url = onlineMeetingByJoinUrl("c@council.example", join);
    const [path, query] = url.split("?$filter=") as [string, string];
    expect(path).toBe("/users/c%40council.example/onlineMeetings");
    expect(decodeURIComponent(query)).toBe(`JoinWebUrl eq '${join}'`);
  });

  it("encode ids and mailboxes", () => {
    expect(onlineMeetingUrl("c@council.example", "MSo1/2")).toBe(
      "/users/c%40council.example/onlineMeetings/MSo1%2F2",
    );
    expect(eventUrl("c@council.example", "AAMk=")).toBe(
      "/users/c%40council.example/events/AAMk%3D",
    );
  });

  it("asks for evolvable enum members (organizationExcludingGuests comes after unknownFutureValue)", () => {
    expect(PREFER_UNKNOWN_ENUMS).toEqual({ Prefer: "include-unknown-enum-members" });
  });
});
