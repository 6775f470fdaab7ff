import { VERBS } from "../../cards/verbs";
import { BookPastLimitSubmission, BookSubmission } from "../../cards/book/submission";
import {
  AcceptBookingSubmission,
  DeclineBookingSubmission,
} from "../../cards/booking-confirmation/submission";
import { RequestConferenceSubmission } from "../../cards/request-conference/submission";
import { askApproval } from "./approval";
import { APPROVAL_TASK, book, bookPastLimit } from "./book";
import { acceptBooking, declineBooking } from "./booking-confirmation";
import { createEvent } from "./create-event";
import { CHECK_ROOM, checkRoom } from "./check-room";
import { OFFER_BOOKING, OFFER_REBOOKING, offerBooking } from "./offer-booking";
import { requestConference } from "./request-conference";
import { rescheduleEvent } from "./reschedule-event";
import { type Feature, taskEntry } from "../kernel/registry";

/** What this feature declares: its card verbs (schema, use case, roles offered) and its task types. */
export const bookingFeature: Feature = {
  name: "booking",
  verbs: [
    {
      verb: VERBS.requestConference,
      submission: RequestConferenceSubmission,
      handle: requestConference,
      roles: ["social-worker", "team-manager", "service-manager"],
    },
    { verb: VERBS.book, submission: BookSubmission, handle: book, roles: ["clerk"] },
    {
      verb: VERBS.bookPastLimit,
      submission: BookPastLimitSubmission,
      handle: bookPastLimit,
      roles: ["clerk"],
    },
    {
      verb: VERBS.acceptBooking,
      submission: AcceptBookingSubmission,
      handle: acceptBooking,
      roles: ["chair", "social-worker"],
    },
    {
      verb: VERBS.declineBooking,
      submission: DeclineBookingSubmission,
      handle: declineBooking,
      roles: ["chair"],
    },
  ],
  tasks: [
    taskEntry(OFFER_BOOKING, offerBooking),
    taskEntry(OFFER_REBOOKING, offerBooking),
    taskEntry("meeting.reschedule-event", rescheduleEvent),
    taskEntry("meeting.create-event", createEvent),
    taskEntry(CHECK_ROOM, checkRoom),
    taskEntry(APPROVAL_TASK, askApproval),
  ],
};
