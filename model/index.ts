import { z } from "zod";
import { AccessNeeds } from "./access-needs";
import { AuditEntry } from "./audit-entry";
import { Case } from "./case";
import { ChairUnavailability } from "./chair-unavailability";
import { DutyRota } from "./duty-rota";
import { CaseMappingMonth } from "./case-mapping-month";
import { ConversationReference } from "./conversation-reference";
import { InboundNotification } from "./inbound-notification";
import { InviteList } from "./invite-list";
import { Meeting } from "./meeting";
import { Notification } from "./notification";
import { RegisterEntry } from "./register-entry";
import { QaNotice } from "./qa-notice";
import { Consultation } from "./consultation";
import { ReportStatus } from "./report-status";
import { Task } from "./task";

export * from "./common";
export * from "./person";
export * from "./meeting-kind";
export * from "./case";
export * from "./meeting";
export * from "./invite-list";
export * from "./access-needs";
export * from "./report-status";
export * from "./task";
export * from "./notification";
export * from "./conversation-reference";
export * from "./audit-entry";
export * from "./inbound-notification";
export * from "./register-entry";
export * from "./chair-unavailability";
export * from "./duty-rota";
export * from "./case-mapping-month";
export * from "./qa-notice";
export * from "./consultation";

/** Every document Convene stores, by its `type`. */
export const DOC_SCHEMAS = {
  case: Case,
  meeting: Meeting,
  "invite-list": InviteList,
  "access-needs": AccessNeeds,
  "report-status": ReportStatus,
  task: Task,
  notification: Notification,
  "conversation-reference": ConversationReference,
  "audit-entry": AuditEntry,
  "inbound-notification": InboundNotification,
  "register-entry": RegisterEntry,
  "chair-unavailability": ChairUnavailability,
  "duty-rota": DutyRota,
  "case-mapping-month": CaseMappingMonth,
  "qa-notice": QaNotice,
  consultation: Consultation,
} as const;

export type DocType = keyof typeof DOC_SCHEMAS;
export const DOC_TYPES = Object.keys(DOC_SCHEMAS) as DocType[];

export const Document = z.discriminatedUnion("type", [
  Case,
  Meeting,
  InviteList,
  AccessNeeds,
  ReportStatus,
  Task,
  Notification,
  ConversationReference,
  AuditEntry,
  InboundNotification,
  RegisterEntry,
  ChairUnavailability,
  DutyRota,
  CaseMappingMonth,
  QaNotice,
  Consultation,
]);
export type Document = z.infer<typeof Document>;
export type DocOf<T extends DocType> = Extract<Document, { type: T }>;
export * from "./case-input";
export * from "./nhs-number";
