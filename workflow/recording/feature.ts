import { VERBS } from "../../cards/verbs";
import { AllowRecordingSubmission } from "../../cards/booking-confirmation/submission";
import { type Feature, taskEntry } from "../kernel/registry";
import { allowRecording } from "./allow-recording";
import { SET_RECORDING, setRecording } from "./set-recording";

/** Recording by agreement: the chair allows one meeting to be recorded, with a reason. */
export const recordingFeature: Feature = {
  name: "recording",
  verbs: [
    {
      verb: VERBS.allowRecording,
      submission: AllowRecordingSubmission,
      handle: allowRecording,
      roles: ["chair"],
    },
  ],
  tasks: [taskEntry(SET_RECORDING, setRecording)],
};
