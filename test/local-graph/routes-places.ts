import { graphError, json, type Route } from "./http-types";

/**
 * GET /places/microsoft.graph.room[?$top=]: the tenant's rooms, 100 a page
 * by default (https://learn.microsoft.com/en-us/graph/api/place-list; the
 * room's properties: https://learn.microsoft.com/en-us/graph/api/resources/room).
 * Paging past the first page is not modelled: $top must hold every room.
 */
export const listRooms: Route = (request, _params, { state }) => {
  const topText = request.query.get("$top");
  const top = topText === null ? 100 : Number(topText);
  if (!Number.isInteger(top) || top < 1) {
    return graphError(400, "ErrorInvalidParameter", "invalid $top");
  }
  const rooms = [...state.rooms.rooms.values()];
  if (rooms.length > top) {
    return graphError(
      501,
      "NotImplemented",
      "local Graph: more rooms than one page; paging of places is not modelled",
    );
  }
  return json(200, {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#places/microsoft.graph.room",
    value: rooms.map((r) => ({
      "@odata.type": "#microsoft.graph.room",
      id: r.id,
      emailAddress: r.emailAddress,
      displayName: r.displayName,
      capacity: r.capacity ?? null,
      building: r.building ?? null,
      floorNumber: r.floorNumber ?? null,
      isWheelChairAccessible: r.isWheelChairAccessible ?? false,
      bookingType: r.bookingType,
    })),
  });
};
