import { VERBS } from "../../cards/verbs";
import {
  QuoracyAskSocialWorkerSubmission,
  QuoracyNudgeSubmission,
  QuoracyProposeStandDownSubmission,
} from "../../cards/quoracy-forecast/submission";
import { FORECAST_TASK } from "./forecast-times";
import { askSocialWorker, nudgeAgency, proposeStandDown } from "./quoracy";
import {
  POLL_TASK,
  REEVALUATE_TASK,
  REFRESH_TASK,
  runForecast,
  runPoll,
  runReevaluate,
  runRefresh,
} from "./tasks";
import { type Feature, taskEntry } from "../kernel/registry";

/** What this feature declares: its card verbs (schema, use case, roles offered) and its task types. */
export const quoracyFeature: Feature = {
  name: "quoracy",
  verbs: [
    {
      verb: VERBS.quoracyNudge,
      submission: QuoracyNudgeSubmission,
      handle: nudgeAgency,
      roles: ["chair", "clerk"],
    },
    {
      verb: VERBS.quoracyAskSocialWorker,
      submission: QuoracyAskSocialWorkerSubmission,
      handle: askSocialWorker,
      roles: ["chair", "clerk"],
    },
    {
      verb: VERBS.quoracyProposeStandDown,
      submission: QuoracyProposeStandDownSubmission,
      handle: proposeStandDown,
      roles: ["chair", "clerk"],
    },
  ],
  tasks: [
    taskEntry(FORECAST_TASK, runForecast),
    taskEntry(POLL_TASK, runPoll),
    taskEntry(REFRESH_TASK, runRefresh),
    taskEntry(REEVALUATE_TASK, runReevaluate),
  ],
};
