import { VERBS } from "../../cards/verbs";
import { ChairUnavailableSubmission } from "../../cards/chair-unavailable/submission";
import {
  RotaGenerateSubmission,
  RotaSwapAnswerSubmission,
  RotaSwapSubmission,
} from "../../cards/duty-rota/submission";
import {
  CoverAnswerSubmission,
  CoverKeepTryingSubmission,
  CoverStandDownSubmission,
  ReportSickSubmission,
} from "../../cards/sick-cover/submission";
import { addUnavailable } from "./add-unavailable";
import { COVER_CHANGED_TASK, answerCover, coverChanged, decideCover } from "./cover-actions";
import { generateRota } from "./generate-rota";
import { SICK_COVER_TASK, reportSick } from "./report-sick";
import { offerCover } from "./sick-cover";
import { answerSwap, requestSwap } from "./swap";
import { type Feature, taskEntry } from "../kernel/registry";

/** What this feature declares: its card verbs (schema, use case, roles offered) and its task types. */
export const chairsFeature: Feature = {
  name: "chairs",
  verbs: [
    {
      verb: VERBS.chairUnavailableAdd,
      submission: ChairUnavailableSubmission,
      handle: addUnavailable,
      roles: ["chair"],
    },
    {
      verb: VERBS.rotaGenerate,
      submission: RotaGenerateSubmission,
      handle: generateRota,
      roles: ["team-manager", "clerk"],
    },
    {
      verb: VERBS.rotaSwap,
      submission: RotaSwapSubmission,
      handle: requestSwap,
      roles: ["chair", "team-manager"],
    },
    {
      verb: VERBS.rotaSwapAccept,
      submission: RotaSwapAnswerSubmission,
      handle: answerSwap,
      roles: ["chair"],
    },
    {
      verb: VERBS.rotaSwapDecline,
      submission: RotaSwapAnswerSubmission,
      handle: answerSwap,
      roles: ["chair"],
    },
    {
      verb: VERBS.reportSick,
      submission: ReportSickSubmission,
      handle: reportSick,
      roles: ["chair", "team-manager", "clerk"],
    },
    {
      verb: VERBS.coverAccept,
      submission: CoverAnswerSubmission,
      handle: answerCover,
      roles: ["chair"],
    },
    {
      verb: VERBS.coverDecline,
      submission: CoverAnswerSubmission,
      handle: answerCover,
      roles: ["chair"],
    },
    {
      verb: VERBS.coverStandDown,
      submission: CoverStandDownSubmission,
      handle: decideCover,
      roles: ["team-manager"],
    },
    {
      verb: VERBS.coverKeepTrying,
      submission: CoverKeepTryingSubmission,
      handle: decideCover,
      roles: ["team-manager"],
    },
  ],
  tasks: [taskEntry(SICK_COVER_TASK, offerCover), taskEntry(COVER_CHANGED_TASK, coverChanged)],
};
