/**
 * The case system's API as the HTTP adapter sees it: bot/ (or any adapter)
 * authenticates the caller and hands the parsed JSON body here; workflow/
 * validates, acts, audits with the caller's application id and answers.
 */
export interface CaseApiCaller {
  /** The calling application's Entra app id (the token's `azp` or `appid`). */
  appId: string;
}

export type CaseApiAnswer =
  | { kind: "created" | "updated" | "unchanged"; body: Record<string, unknown> }
  | { kind: "invalid"; errors: Record<string, string> }
  | { kind: "not-found"; message: string };

export interface CaseApi {
  putCase(reference: string, body: unknown, caller: CaseApiCaller): Promise<CaseApiAnswer>;
  strategyDiscussion(
    reference: string,
    body: unknown,
    caller: CaseApiCaller,
  ): Promise<CaseApiAnswer>;
  lookedAfter(reference: string, body: unknown, caller: CaseApiCaller): Promise<CaseApiAnswer>;
}
