import { z } from "zod";
import { meetingAction } from "../common/action-data";
import { choice, optionalText, toggle } from "../common/fields";

export const JOINING_BY = ["video", "phone", "in-person"] as const;
export const REPORT_SHARING = ["secure-email", "post", "by-hand"] as const;

/**
 * verb family-access.submit. A family joining by video needs a device with
 * video and data or Wi-Fi (virtual-conference); by phone they hear the conference only.
 * An interpreter needs the language (a stand-down reason if missing, docs/rules.md, stand-down), and a split conference needs the reason the chair will plan around.
 */
export const FamilyAccessSubmission = z
  .object({
    ...meetingAction,
    smartphoneWithVideo: toggle(),
    dataOrWifi: toggle(),
    hasTeams: toggle(),
    joiningBy: choice(JOINING_BY, "Choose how the family will join"),
    interpreterNeeded: toggle(),
    interpreterLanguage: optionalText(100),
    accessibilityNeeds: optionalText(1000),
    reportSharing: choice(REPORT_SHARING, "Choose how reports reach the family"),
    participationRisks: optionalText(1000),
    splitConference: toggle(),
    splitReason: optionalText(1000),
  })
  .superRefine((s, ctx) => {
    if (s.interpreterNeeded && s.interpreterLanguage === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["interpreterLanguage"],
        message: "Enter the language the interpreter is needed for",
      });
    }
    if (s.joiningBy === "video" && !(s.smartphoneWithVideo && s.dataOrWifi)) {
      ctx.addIssue({
        code: "custom",
        path: ["joiningBy"],
        message: "Joining by video needs a device with video and data or Wi-Fi",
      });
    }
    if (s.splitConference && s.splitReason === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["splitReason"],
        message: "Say why the conference must be split",
      });
    }
  });
export type FamilyAccessSubmission = z.output<typeof FamilyAccessSubmission>;
