import type { NotificationUrlValidator } from "./http-types";

/**
 * Graph's check of a new subscription's notificationUrl, over real HTTP as
 * Graph makes it: a POST to the URL with `?validationToken=…`, content type
 * text/plain and no JSON body; the endpoint must answer 200, text/plain, the
 * token (decoded) as the body, within 10 seconds.
 * https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks#notificationurl-validation
 *
 * `reach` maps the public https URL in the subscription to where the test's
 * server listens (as the platform's front end would forward it).
 */
export function httpNotificationUrlValidator(
  options: { reach?: (notificationUrl: string) => string; timeoutMs?: number } = {},
): NotificationUrlValidator {
  return async (notificationUrl, validationToken) => {
    const target = new URL(options.reach?.(notificationUrl) ?? notificationUrl);
    target.searchParams.set("validationToken", validationToken);
    const res = await fetch(target, {
      method: "POST",
      headers: { "content-type": "text/plain; charset=utf-8" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const body = await res.text();
    const type = res.headers.get("content-type") ?? "";
    return res.status === 200 && type.startsWith("text/plain") ? body : undefined;
  };
}
