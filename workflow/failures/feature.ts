import { VERBS } from "../../cards/verbs";
import { FailureActionSubmission } from "../../cards/needs-attention/submission";
import { taskEntry, type Feature } from "../kernel/registry";
import { failureHandled, failureRetry } from "./actions";
import { describeIncident, notifyIncident } from "./notify-incident";
import { OPERATIONS_EMAIL, retryOperationsEmail } from "./operations-email";
import { NOTIFY_INCIDENT } from "../kernel/incidents";

/**
 * Failure is never silent: a task that gives up, a record that cannot be
 * read or a send in doubt becomes an incident that reaches the service
 * owners (card), the operations mailbox (email) and whoever's work it
 * blocks. The actions are the service owners' only (checked in the use case;
 * no staff role is offered them).
 */
export const failuresFeature: Feature = {
  name: "failures",
  verbs: [
    {
      verb: VERBS.failureRetry,
      submission: FailureActionSubmission,
      handle: failureRetry,
      roles: [],
    },
    {
      verb: VERBS.failureHandled,
      submission: FailureActionSubmission,
      handle: failureHandled,
      roles: [],
    },
  ],
  tasks: [
    taskEntry(NOTIFY_INCIDENT, notifyIncident),
    taskEntry(OPERATIONS_EMAIL, retryOperationsEmail(describeIncident)),
  ],
};
