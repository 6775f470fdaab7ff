import { VERBS } from "../../cards/verbs";
import { NewCaseSubmission } from "../../cards/new-case/submission";
import { type Feature, taskEntry } from "../kernel/registry";
import { CASE_RECORDERS, saveCaseFromCard } from "./new-case";
import { MOVE_CARDS, runCardMove } from "./reassign";

/** Cases in (docs/cases-in.md): the new-case card; the API and the import use the same schema. */
export const casesFeature: Feature = {
  name: "cases",
  verbs: [
    {
      verb: VERBS.saveCase,
      submission: NewCaseSubmission,
      handle: saveCaseFromCard,
      roles: CASE_RECORDERS,
    },
  ],
  tasks: [taskEntry(MOVE_CARDS, (deps, task) => runCardMove(deps, task))],
};
