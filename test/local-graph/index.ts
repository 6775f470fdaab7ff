/** The local Microsoft Graph for tests and bench/graph. */
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
export { Grants } from "./grants";
export type { DirectoryGroup, DirectoryUser } from "./directory";
export type { CatalogApp, UserInstallation } from "./teams-apps";
export type { Room } from "./rooms";
export type { LobbyAdmitters, MeetingRole, Participant } from "./meeting-roles";
export { httpNotificationUrlValidator } from "./http-validator";
