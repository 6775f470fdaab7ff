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
import { SubjectKey } from "./subject-key";
import { StaffList } from "./staff-list";
import { Task } from "./task";
import { Incident } from "./incident";

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
export * from "./subject-key";
export * from "./incident";
export * from "./staff-list";

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
  "subject-key": SubjectKey,
  incident: Incident,
  "staff-list": StaffList,
} as const;

export type DocType = keyof typeof DOC_SCHEMAS;
export const DOC_TYPES = Object.keys(DOC_SCHEMAS) as DocType[];

/**
 * The current schema version of each document type. Raise one when a
 * type's stored shape changes, and add the step that brings the previous
 * version up in store/migrations/steps.ts (the start-up migration refuses
 * to run without it). Version 1 is the shape on the day versions began.
 * - meeting 2: the children a conference is about and its index child; the
 *   outcome as a decision for each child (was one decision for the case).
 */
export const SCHEMA_VERSIONS: Record<DocType, number> = {
  case: 1,
  "subject-key": 1,
  incident: 1,
  "staff-list": 1,
  meeting: 2,
  "invite-list": 1,
  "access-needs": 1,
  "report-status": 1,
  task: 1,
  notification: 1,
  "conversation-reference": 1,
  "audit-entry": 1,
  "inbound-notification": 1,
  "register-entry": 1,
  "chair-unavailability": 1,
  "duty-rota": 1,
  "case-mapping-month": 1,
  "qa-notice": 1,
  consultation: 1,
};

/** A stored document's version: `v`, or 1 for one stored before versions existed. */
export function versionOf(raw: unknown): number {
  if (typeof raw === "object" && raw !== null && "v" in raw && typeof raw.v === "number")
    return raw.v;
  return 1;
}

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
  SubjectKey,
  Incident,
  StaffList,
]);
export type Document = z.infer<typeof Document>;
export type DocOf<T extends DocType> = Extract<Document, { type: T }>;
export * from "./case-input";
export * from "./nhs-number";
