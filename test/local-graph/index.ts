/** The local Microsoft Graph for tests and bench/graph (issue 4, step 5). */
export {
  startLocalGraph,
  type LocalGraph,
  type LocalGraphOptions,
  type RecordedCall,
  type RecordedPart,
} from "./server";
export { FAULT_KINDS, type FaultKind, type PartFaultKind } from "./faults";
export type { ForgetMode, ForgettableSetting, NotificationUrlValidator } from "./http-types";
export type {
  AttendeeResponse,
  ChangeNotification,
  NotificationDelivery,
  StoredSubscription,
} from "./state";
export { makeCertificate } from "./certificate";
export { StaticTokenCredential } from "./static-token-credential";
export { httpNotificationUrlValidator } from "./http-validator";
