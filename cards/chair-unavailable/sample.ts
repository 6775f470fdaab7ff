import type { ChairUnavailableView } from "./view-model";

export const chairUnavailableSample: ChairUnavailableView = {
  chairName: "Helen Ward",
  upcoming: [
    { kindText: "Annual leave", whenText: "Mon 1 Feb 2027 09:00 – Fri 5 Feb 2027 17:00" },
    { kindText: "Supervision", whenText: "Wed 10 Feb 2027 14:00 – 15:30" },
  ],
};
