import { sendBrief } from "./brief";
import { BRIEF_TASK } from "./plan-brief";
import { type Feature, taskEntry } from "../kernel/registry";

/** What this feature declares: its card verbs (schema, use case, roles offered) and its task types. */
export const briefFeature: Feature = {
  name: "brief",
  tasks: [taskEntry(BRIEF_TASK, sendBrief)],
};
