import { z } from "zod";
import { EntraObjectId } from "./common";

/**
 * A member of staff Convene addresses in Teams or Outlook. The Entra object
 * id is the identity (it survives a change of name or email); the email is
 * how Outlook invites reach them. Names are display data: never logged.
 */
export const PersonRef = z.object({
  entraObjectId: EntraObjectId,
  email: z.email(),
  name: z.string().min(1),
});
export type PersonRef = z.infer<typeof PersonRef>;
