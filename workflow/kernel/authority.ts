import { z } from "zod";
import { EntraObjectId, PersonRef } from "../../model";
import { PolicyOverridesSchema } from "../../rules";
import { RetentionPeriods } from "./retention-periods";

/**
 * One council as Convene serves it: its policy (docs/rules.md, policies), its
 * mailboxes and its staff. Staff names and numbers in the seeds are
 * configuration examples, never code: they arrive here as data.
 */
export const STAFF_ROLES = [
  "clerk",
  "social-worker",
  "team-manager",
  "service-manager",
  "chair",
  "director",
  "qa-manager",
  /** Leicestershire: approves a stand-down. */
  "safeguarding-manager",
  /** Chair-consultation: the QA admin manager who allocates case mappings to chairs. */
  "qa-admin",
  /** Independent Reviewing Officer: chairs CLA reviews (docs/rules.md, words). */
  "iro",
  /** Runs Convene for the council: told when the staff refresh fails or someone cannot be reached in Teams. */
  "service-owner",
] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

export const StaffMember = PersonRef.extend({
  roles: z.array(StaffRole).min(1),
  /** A social worker's line managers: who their escalations go to. */
  teamManager: EntraObjectId.optional(),
  serviceManager: EntraObjectId.optional(),
  /**
   * false for someone who does not use Teams (a director, a partner agency's
   * manager): lists reach them as an email with a CSV attachment instead.
   */
  inTeams: z.boolean().default(true),
  /** The team, for counts per team (West Sussex's QA notices for the performance team). */
  team: z.string().min(1).optional(),
  /**
   * The line manager as the directory names them (`/users/{id}/manager`),
   * when the staff list comes from Entra ID groups: who matters about this
   * person go to, and a case's escalations where the case names nobody who
   * still manages (workflow/kernel/roles.ts).
   */
  lineManager: PersonRef.optional(),
});
export type StaffMember = z.infer<typeof StaffMember>;

/**
 * The Entra ID security group (object id) whose members hold each role, when
 * the staff list comes from the directory (workflow/staff). Members are read
 * transitively (nested groups count).
 */
export const StaffGroups = z
  .object({
    socialWorkers: EntraObjectId.optional(),
    teamManagers: EntraObjectId.optional(),
    serviceManagers: EntraObjectId.optional(),
    clerks: EntraObjectId.optional(),
    /** CP chairs (West Sussex's CPAs). */
    chairs: EntraObjectId.optional(),
    iros: EntraObjectId.optional(),
    qaManagers: EntraObjectId.optional(),
    safeguardingManagers: EntraObjectId.optional(),
    qaAdmin: EntraObjectId.optional(),
    director: EntraObjectId.optional(),
    serviceOwners: EntraObjectId.optional(),
  })
  .strict()
  .refine((g) => Object.values(g).some((id) => id !== undefined), {
    message: "staffGroups names no group",
  });
export type StaffGroups = z.infer<typeof StaffGroups>;

/** Which role each group gives. */
export const GROUP_ROLES: Readonly<Record<keyof StaffGroups, StaffRole>> = {
  socialWorkers: "social-worker",
  teamManagers: "team-manager",
  serviceManagers: "service-manager",
  clerks: "clerk",
  chairs: "chair",
  iros: "iro",
  qaManagers: "qa-manager",
  safeguardingManagers: "safeguarding-manager",
  qaAdmin: "qa-admin",
  director: "director",
  serviceOwners: "service-owner",
};

const REVIEW_MONTHS = "caseMappingReviewMonths is a whole number of months from 1 to 24";

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time is HH:MM");

export const Authority = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    policy: z.string().min(1),
    overrides: PolicyOverridesSchema.optional(),
    /** The shared mailbox that organises every conference and sends Convene's email. */
    organizer: z.email(),
    /** Where police-check requests go (Leicestershire: police need 7 working days). */
    policeChecksMailbox: z.email(),
    /** West Sussex: the health (A&E) mailboxes `register.notify-health` goes to at 17:00. */
    healthMailboxes: z.array(z.email()).default([]),
    /**
     * The operations team's mailbox: every failure is emailed to it, and each
     * daily retention run emails it the heads of the audit trail's hash
     * chains, a record the store's writers cannot rewrite
     * (docs/data-protection.md). Required in production.
     */
    operationsMailbox: z.email().optional(),
    /** How long each kind of record is kept; none configured, nothing deleted. */
    retention: RetentionPeriods.optional(),
    /**
     * Room mailboxes a conference in person or hybrid can be held in. Each is
     * invited as a resource attendee and answers by its own booking rules
     * (Exchange's booking assistant); a meeting in person is offered only
     * slots where the chair and one of these rooms are free.
     */
    rooms: z.array(z.object({ email: z.email(), name: z.string().min(1) })).default([]),
    /**
     * The staff list by hand (the demo, small setups). With `staffGroups` it
     * is replaced by the directory's at each refresh (workflow/staff).
     */
    staff: z.array(StaffMember).default([]),
    staffGroups: StaffGroups.optional(),
    /** The directory attribute that names a person's team. */
    teamAttribute: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "teamAttribute is a directory property name")
      .default("department"),
    /**
     * Who runs Convene for the council: told when the staff refresh fails
     * and when someone cannot be reached in Teams (besides the members of
     * the service owners' group, when there is one).
     *
     * Also told when Convene gives up on something (a send refused, a
     * record unreadable). Required in production (app/app.ts refuses to start).
     */
    serviceOwners: z.array(PersonRef).default([]),
    /** Conference length for the Outlook event. */
    meetingMinutes: z.number().int().min(30).max(240).default(90),
    /** Start times the clerk is offered on each working day, Europe/London. */
    slotTimes: z.array(HHMM).min(1).default(["10:00", "14:00"]),
    /**
     * docs/rules.md, policies `chair-consultation` (chair-consultation 4a-b): a CIN case mapped within
     * this many months is reviewed by the chair, otherwise a new mapping is
     * arranged. "6 months (configurable)": 6 unless the council says otherwise.
     */
    caseMappingReviewMonths: z
      .number({ error: REVIEW_MONTHS })
      .int({ error: REVIEW_MONTHS })
      .min(1, { error: REVIEW_MONTHS })
      .max(24, { error: REVIEW_MONTHS })
      .default(6),
  })
  .superRefine((a, ctx) => {
    if (a.staff.length === 0 && a.staffGroups === undefined) {
      ctx.addIssue({
        code: "custom",
        message: "staff lists nobody and no staffGroups are named",
        path: ["staff"],
      });
    }
    const ids = new Set(a.staff.map((s) => s.entraObjectId));
    a.staff.forEach((s, i) => {
      for (const key of ["teamManager", "serviceManager"] as const) {
        const id = s[key];
        if (id !== undefined && !ids.has(id)) {
          ctx.addIssue({
            code: "custom",
            message: `${key} is not a member of staff`,
            path: ["staff", i, key],
          });
        }
      }
      if (s.roles.includes("social-worker") && (!s.teamManager || !s.serviceManager)) {
        ctx.addIssue({
          code: "custom",
          message: "a social worker needs a teamManager and a serviceManager for escalations",
          path: ["staff", i],
        });
      }
    });
  });
export type Authority = z.infer<typeof Authority>;
export type AuthorityInput = z.input<typeof Authority>;

export function staffById(authority: Authority, objectId: string): StaffMember | undefined {
  return authority.staff.find((s) => s.entraObjectId === objectId);
}

/**
 * The people to tell when Convene itself needs attention: the configured
 * service owners and the members of the service owners' group, once each.
 */
export function serviceOwnersOf(authority: Authority): PersonRef[] {
  const out = new Map<string, PersonRef>();
  for (const p of authority.serviceOwners) out.set(p.entraObjectId, p);
  for (const s of staffWithRole(authority, "service-owner"))
    out.set(s.entraObjectId, asPersonRef(s));
  return [...out.values()];
}

export function staffWithRole(authority: Authority, role: StaffRole): StaffMember[] {
  return authority.staff.filter((s) => s.roles.includes(role));
}

export const asPersonRef = (s: StaffMember): PersonRef => ({
  entraObjectId: s.entraObjectId,
  email: s.email,
  name: s.name,
});
