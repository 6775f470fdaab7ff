import { expectFieldErrors, expectValid, ids } from "../__tests__/submission-helpers";
import { ReportStatusSubmission } from "./submission";

const good = {
  ...ids,
  drafted: "true",
  qualityAssured: "true",
  sharedWithFamily: "false",
  sentToChairAndClerk: "false",
  "agencies.police.received": "true",
  "agencies.health-visiting.received": "false",
};

describe("report-status.update submission", () => {
  it("accepts the SW's report status and the agencies' toggles", () => {
    expect(expectValid(ReportStatusSubmission, good)).toEqual({
      ...ids,
      drafted: true,
      qualityAssured: true,
      sharedWithFamily: false,
      sentToChairAndClerk: false,
      agencies: { police: true, "health-visiting": false },
    });
  });

  it("refuses a report shared or sent before it is drafted", () => {
    expectFieldErrors(
      ReportStatusSubmission,
      { ...good, drafted: "false", sharedWithFamily: "true" },
      { qualityAssured: /drafted/, sharedWithFamily: /drafted/ },
    );
  });

  it("puts a bad agency toggle on its input", () => {
    expectFieldErrors(
      ReportStatusSubmission,
      { ...good, "agencies.police.received": "perhaps" },
      { "agencies.police.received": /on or off/ },
    );
    expectFieldErrors(
      ReportStatusSubmission,
      { ...good, "agencies.bad key!.received": "true" },
      { "agencies.bad key!": /Unknown agency/ },
    );
  });
});
