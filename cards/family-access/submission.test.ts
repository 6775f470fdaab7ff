import { expectFieldErrors, expectValid, ids } from "../__tests__/submission-helpers";
import { FamilyAccessSubmission } from "./submission";

const good = {
  ...ids,
  smartphoneWithVideo: "true",
  dataOrWifi: "true",
  hasTeams: "false",
  joiningBy: "video",
  interpreterNeeded: "true",
  interpreterLanguage: "Polish",
  accessibilityNeeds: "",
  reportSharing: "by-hand",
  participationRisks: "",
  splitConference: "false",
  splitReason: "",
};

describe("family-access.submit submission", () => {
  it("accepts the family's access needs", () => {
    expect(expectValid(FamilyAccessSubmission, good)).toEqual({
      ...ids,
      smartphoneWithVideo: true,
      dataOrWifi: true,
      hasTeams: false,
      joiningBy: "video",
      interpreterNeeded: true,
      interpreterLanguage: "Polish",
      reportSharing: "by-hand",
      splitConference: false,
    });
  });

  it("needs how they join and how reports reach them", () => {
    expectFieldErrors(
      FamilyAccessSubmission,
      { ...good, joiningBy: "", reportSharing: "email" },
      { joiningBy: /how the family will join/, reportSharing: /how reports reach/ },
    );
  });

  it("needs the interpreter's language, a video device for video, and a reason to split", () => {
    expectFieldErrors(
      FamilyAccessSubmission,
      { ...good, interpreterLanguage: "", dataOrWifi: "false", splitConference: "true" },
      {
        interpreterLanguage: /language/,
        joiningBy: /data or Wi-Fi/,
        splitReason: /split/,
      },
    );
  });
});
