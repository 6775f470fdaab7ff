/**
 * The directory port: who is in the council's Entra ID security groups, and
 * who their line manager is. graph/ implements it over Microsoft Graph;
 * workflow/staff reads it to refresh the staff list. Nothing here logs a
 * name: the adapter logs ids and counts only.
 */

/** A user as the directory shows them (only what Convene needs). */
export interface DirectoryPerson {
  id: string;
  displayName: string;
  /** The mailbox; undefined when the user has none (Convene cannot invite them). */
  mail?: string;
  userPrincipalName: string;
  /** The value of the configured team attribute (`department` by default), when set. */
  team?: string;
}

/** The directory could not be read (permission, unknown group, Graph down). */
export class DirectoryError extends Error {
  override readonly name = "DirectoryError";
  constructor(
    /** A code for logs and audit (Graph's status and error code); never personal data. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface DirectoryPort {
  /**
   * The users in a security group, nested groups flattened, every page read.
   * Throws DirectoryError when any page cannot be read, or when the answer
   * shows only ids (the app may not read users' profiles): a partial list
   * must never replace a whole one.
   */
  groupUsers(groupId: string, teamAttribute: string): Promise<DirectoryPerson[]>;
  /** The user's line manager; undefined when the directory names none. */
  managerOf(userId: string, teamAttribute: string): Promise<DirectoryPerson | undefined>;
}
