import { randomUUID } from "node:crypto";
import { graphError, json, parseBody, type Route } from "./http-types";
import { SubscriptionCreate } from "./schemas";

/** Graph's longest subscription to Outlook events without resource data (10,080 minutes). */
export const MAX_EVENT_SUBSCRIPTION_MINUTES = 10_080;
/** Rich notifications (with resource data) last at most a day. */
export const MAX_RICH_SUBSCRIPTION_MINUTES = 1_440;
/** Graph raises an expiry under 45 minutes away to 45 minutes. */
export const MIN_SUBSCRIPTION_MINUTES = 45;

/**
 * POST /subscriptions for an Outlook mailbox's events, as Graph handles it:
 * 1. the body (schemas.ts SubscriptionCreate: required fields, changeType
 *    values, https URLs, clientState length);
 * 2. the resource: `/users/{id}/events` only (`/me` has no meaning for an
 *    app; anything else is not served here);
 * 3. the expiry: in the future, at most 10,080 minutes away (1,440 with
 *    resource data), raised to 45 minutes if sooner;
 * 4. the notificationUrl (and lifecycleNotificationUrl) validation: the
 *    endpoint must echo a validationToken (validator, if set);
 * then 201 with the subscription.
 */
export const createSubscription: Route = async (request, _params, context) => {
  const parsed = parseBody(SubscriptionCreate, request.body);
  if (!parsed.ok) return parsed.answer;
  const body = parsed.value;

  const resource = /^\/?users\/([^/]+)\/events$/i.exec(body.resource);
  if (resource === null) {
    return graphError(
      400,
      "InvalidRequest",
      "local Graph: only /users/{id}/events subscriptions are served",
    );
  }
  const mailbox = decodeURIComponent(resource[1] as string).toLowerCase();

  const now = context.state.now();
  const wanted = new Date(body.expirationDateTime);
  const minutesAway = (wanted.getTime() - now.getTime()) / 60_000;
  const max =
    body.includeResourceData === true
      ? MAX_RICH_SUBSCRIPTION_MINUTES
      : MAX_EVENT_SUBSCRIPTION_MINUTES;
  if (minutesAway <= 0) {
    return graphError(400, "InvalidRequest", "Subscription expiration must be in the future.");
  }
  if (minutesAway > max) {
    return graphError(
      400,
      "InvalidRequest",
      `Subscription expiration can only be ${max} minutes in the future.`,
    );
  }
  const expiresAt =
    minutesAway < MIN_SUBSCRIPTION_MINUTES
      ? new Date(now.getTime() + MIN_SUBSCRIPTION_MINUTES * 60_000)
      : wanted;

  const validate = context.validator.current;
  if (validate !== undefined) {
    for (const url of [body.notificationUrl, body.lifecycleNotificationUrl]) {
      if (url === undefined) continue;
      const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
      const echoed = await validate(url, token).catch(() => undefined);
      if (echoed !== token) {
        return graphError(
          400,
          "ValidationError",
          "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.",
        );
      }
    }
  }

  const id = randomUUID();
  context.state.subscriptions.set(id, {
    id,
    mailbox,
    resource: body.resource,
    changeTypes: body.changeType.split(",").map((p) => p.trim()),
    notificationUrl: body.notificationUrl,
    clientState: body.clientState,
    expiresAt,
    ...(body.lifecycleNotificationUrl !== undefined
      ? { lifecycleNotificationUrl: body.lifecycleNotificationUrl }
      : {}),
  });
  return json(201, {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity",
    id,
    resource: body.resource,
    applicationId: context.applicationId,
    changeType: body.changeType,
    clientState: body.clientState,
    notificationUrl: body.notificationUrl,
    notificationQueryOptions: null,
    lifecycleNotificationUrl: body.lifecycleNotificationUrl ?? null,
    // Graph's own format: seven fractional digits.
    expirationDateTime: `${expiresAt.toISOString().slice(0, 23)}0000Z`,
    creatorId: context.applicationId,
    includeResourceData: body.includeResourceData ?? false,
    latestSupportedTlsVersion: body.latestSupportedTlsVersion ?? "v1_2",
    encryptionCertificate: body.encryptionCertificate ?? null,
    encryptionCertificateId: body.encryptionCertificateId ?? null,
    notificationUrlAppId: null,
  });
};
