import { z } from "zod";
import { EntraObjectId, Instant, docBase } from "./common";
import { PersonRef } from "./person";

/**
 * The last good staff list read from Entra ID security groups
 * (workflow/staff): one document per authority (id and pk
 * `staff-list:<authority>`), replaced whole at each successful refresh, so
 * every instance applies the same list and a failed refresh leaves the last
 * good one in place. Roles are checked against the workflow's role names
 * when the list is applied.
 */
export const StaffListMember = PersonRef.extend({
  roles: z.array(z.string().min(1)).min(1),
  team: z.string().min(1).optional(),
  teamManager: EntraObjectId.optional(),
  serviceManager: EntraObjectId.optional(),
  lineManager: PersonRef.optional(),
});
export type StaffListMember = z.infer<typeof StaffListMember>;

export const StaffList = z
  .object({
    ...docBase("staff-list"),
    authorityId: z.string().min(1),
    members: z.array(StaffListMember),
    refreshedAt: Instant,
    /** Increases by one at each change, so an instance knows whether it has the latest. */
    version: z.number().int().positive(),
  })
  .refine((d) => d.id === d.pk && d.id === `staff-list:${d.authorityId}`, {
    message: "a staff list's id and pk are staff-list:<authority>",
    path: ["pk"],
  });
export type StaffList = z.infer<typeof StaffList>;
