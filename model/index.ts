import { z } from "zod";
import { AccessNeeds } from "./access-needs";
import { AuditEntry } from "./audit-entry";
import { Case } from "./case";
import { ConversationReference } from "./conversation-reference";
import { InboundNotification } from "./inbound-notification";
import { InviteList } from "./invite-list";
import { Meeting } from "./meeting";
import { Notification } from "./notification";
import { RegisterEntry } from "./register-entry";
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
]);
export type Document = z.infer<typeof Document>;
export type DocOf<T extends DocType> = Extract<Document, { type: T }>;
