import { z } from "zod";
import { CalendarError } from "../ports/calendar";
import { DirectoryError, type DirectoryPerson, type DirectoryPort } from "../ports/directory";
import type { GraphCaller } from "./graph-caller";

/**
 * The directory port over Microsoft Graph (application permissions
 * GroupMember.Read.All and User.Read.All: graph/permissions.ts).
 *
 * - Members: GET /groups/{id}/transitiveMembers/microsoft.graph.user, nested
 *   groups flattened, the cast keeping users only, in Graph's own pages
 *   (100 by default: no $top, so the tests page as a council's Graph does), following
 *   `@odata.nextLink` to the last page and never building a page link itself
 *   (https://learn.microsoft.com/en-us/graph/api/group-list-transitivemembers,
 *   https://learn.microsoft.com/en-us/graph/paging).
 * - The team attribute is asked for with $select: Graph's default user
 *   properties do not include `department`
 *   (https://learn.microsoft.com/en-us/graph/api/user-get).
 * - Without User.Read.All, Graph answers members with id and type only
 *   ("limited information"): that is a failed read, never a list of nobody.
 * - Manager: GET /users/{id}/manager; 404 when the directory names none
 *   (https://learn.microsoft.com/en-us/graph/api/user-list-manager).
 */
const nullish = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const UserSchema = z
  .object({
    id: z.string().min(1),
    displayName: nullish(z.string()),
    mail: nullish(z.string()),
    userPrincipalName: nullish(z.string()),
  })
  .catchall(z.unknown());

const PageSchema = z.object({
  value: z.array(UserSchema),
  "@odata.nextLink": z.string().optional(),
});

/** A directory attribute name Graph accepts in $select (letters, digits, underscore). */
const ATTRIBUTE = /^[A-Za-z][A-Za-z0-9_]*$/;

export class GraphDirectory implements DirectoryPort {
  constructor(
    private readonly caller: GraphCaller,
    /** https://graph.microsoft.com in production; the local Graph in tests. */
    private readonly baseUrl: string,
  ) {}

  async groupUsers(groupId: string, teamAttribute: string): Promise<DirectoryPerson[]> {
    const select = selectFor(teamAttribute);
    let path: string | undefined =
      `/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user` +
      `?$select=${select}`;
    const people: DirectoryPerson[] = [];
    const seen = new Set<string>();
    for (let page = 1; path !== undefined; page++) {
      if (page > 10_000) throw new DirectoryError("TooManyPages", "the group's pages never end");
      const answer = await this.get("directory.groupMembers", path);
      const parsed = PageSchema.safeParse(answer);
      if (!parsed.success) {
        throw new DirectoryError(
          "UnexpectedResponse",
          "a page of group members was not understood",
        );
      }
      for (const user of parsed.data.value) {
        const person = toPerson(user, teamAttribute);
        if (person === undefined) {
          throw new DirectoryError(
            "LimitedInformation",
            "Graph returned members without their profile (is User.Read.All granted?)",
          );
        }
        // Transitive: someone in two nested groups is listed once by Graph;
        // a person listed twice across pages is kept once all the same.
        if (!seen.has(person.id)) {
          seen.add(person.id);
          people.push(person);
        }
      }
      const next = parsed.data["@odata.nextLink"];
      path = next === undefined ? undefined : this.relative(next);
    }
    return people;
  }

  async managerOf(userId: string, teamAttribute: string): Promise<DirectoryPerson | undefined> {
    const path = `/users/${encodeURIComponent(userId)}/manager?$select=${selectFor(teamAttribute)}`;
    let answer: unknown;
    try {
      answer = await this.get("directory.manager", path);
    } catch (err) {
      if (err instanceof DirectoryError && err.code === "HTTP404") return undefined;
      throw err;
    }
    const parsed = UserSchema.safeParse(answer);
    if (!parsed.success) {
      throw new DirectoryError("UnexpectedResponse", "a manager was not understood");
    }
    const person = toPerson(parsed.data, teamAttribute);
    if (person === undefined) {
      throw new DirectoryError("LimitedInformation", "Graph returned a manager without a profile");
    }
    return person;
  }

  private async get(op: string, path: string): Promise<unknown> {
    try {
      const answer = await this.caller.call({ op, method: "GET", path });
      return answer.body;
    } catch (err) {
      if (err instanceof CalendarError) {
        throw new DirectoryError(
          err.httpStatus !== undefined ? `HTTP${err.httpStatus}` : err.code,
          `${op}: ${err.message}`,
        );
      }
      throw err;
    }
  }

  /** An @odata.nextLink is absolute; the transport wants the path after /v1.0. */
  private relative(link: string): string {
    const url = new URL(link);
    const base = new URL(this.baseUrl);
    if (url.origin !== base.origin || !url.pathname.startsWith("/v1.0/")) {
      throw new DirectoryError("UnexpectedResponse", "a next page link points elsewhere");
    }
    return `${url.pathname.slice("/v1.0".length)}${url.search}`;
  }
}

function selectFor(teamAttribute: string): string {
  if (!ATTRIBUTE.test(teamAttribute)) {
    throw new DirectoryError("BadAttribute", "the team attribute is not a directory property name");
  }
  const fields = new Set(["id", "displayName", "mail", "userPrincipalName", teamAttribute]);
  return [...fields].join(",");
}

function toPerson(
  user: z.infer<typeof UserSchema>,
  teamAttribute: string,
): DirectoryPerson | undefined {
  if (typeof user.displayName !== "string" || typeof user.userPrincipalName !== "string") {
    return undefined;
  }
  const team = user[teamAttribute];
  return {
    id: user.id,
    displayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    ...(typeof user.mail === "string" && user.mail !== "" ? { mail: user.mail } : {}),
    ...(typeof team === "string" && team !== "" ? { team } : {}),
  };
}
