import {
  BatchResponseSchema,
  MAX_BATCH_PARTS,
  chunk,
  chunkWithin,
  partHeader,
  toBatchBody,
} from "./batch";

describe("JSON batching", () => {
  it("gives every part with a body its Content-Type, and none to a GET", () => {
    expect(
      toBatchBody([
        { id: "1", method: "POST", url: "/users/a/sendMail", body: { message: {} } },
        { id: "2", method: "GET", url: "/users/a/mailFolders/sentitems/messages" },
      ]),
    ).toEqual({
      requests: [
        {
          id: "1",
          method: "POST",
          url: "/users/a/sendMail",
          body: { message: {} },
          headers: { "Content-Type": "application/json" },
        },
        { id: "2", method: "GET", url: "/users/a/mailFolders/sentitems/messages" },
      ],
    });
  });

  it("holds 1 to 20 parts", () => {
    expect(MAX_BATCH_PARTS).toBe(20);
    expect(() => toBatchBody([])).toThrow(RangeError);
    const parts = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: "GET" as const,
      url: "/x",
    }));
    expect(() => toBatchBody(parts)).toThrow(RangeError);
  });

  it("chunks into batches of 20", () => {
    expect(
      chunk(
        Array.from({ length: 45 }, (_, i) => i),
        20,
      ).map((c) => c.length),
    ).toEqual([20, 20, 5]);
    expect(chunk([], 20)).toEqual([]);
  });

  it("cuts batches at 20 parts or at the byte budget, whichever comes first; a big part goes alone", () => {
    const sizes = (items: number[]) =>
      chunkWithin(items, 20, 100, (n) => n).map((group) => group.join("+"));
    expect(sizes([40, 40, 40, 10])).toEqual(["40+40", "40+10"]);
    expect(sizes([150, 10, 90, 10])).toEqual(["150", "10+90", "10"]);
    expect(sizes(Array.from({ length: 25 }, () => 1)).map((g) => g.split("+").length)).toEqual([
      20, 5,
    ]);
    expect(chunkWithin([], 20, 100, () => 1)).toEqual([]);
  });

  it("reads a batch answer and a part's Retry-After whatever its case", () => {
    const answer = BatchResponseSchema.parse({
      responses: [
        { id: "1", status: 202 },
        {
          id: "2",
          status: 429,
          headers: { "Retry-After": "3" },
          body: { error: { code: "TooManyRequests" } },
        },
      ],
    });
    expect(partHeader(answer.responses[1] as never, "retry-after")).toBe("3");
    expect(partHeader(answer.responses[0] as never, "Retry-After")).toBeUndefined();
    expect(BatchResponseSchema.safeParse({ responses: [{ id: 1, status: "202" }] }).success).toBe(
      false,
    );
  });
});
