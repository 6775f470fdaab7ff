import type { DutyRotaView, NoRotaView, SwapRequestView } from "./view-model";

const CHAIRS = ["Helen Ward", "Marcus Bell", "Aisha Rahman"];
const DATES = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 22, 23, 24, 25, 26];
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri"];

export const dutyRotaSample: DutyRotaView = {
  month: "2027-02",
  monthTitle: "February 2027",
  cardVersion: "1",
  days: DATES.map((d, i) => ({
    dateText: `${WEEKDAYS[i % 5]} ${d} Feb`,
    chairName: CHAIRS[i % 3] ?? "",
    ...(i === 4 ? { note: "swapped" } : {}),
  })),
  counts: [
    { name: "Helen Ward", days: 7 },
    { name: "Marcus Bell", days: 7 },
    { name: "Aisha Rahman", days: 6 },
  ],
  canSwap: true,
};

export const swapRequestSample: SwapRequestView = {
  month: "2027-02",
  swapId: "swap-2027-02-05-2027-02-10",
  requesterName: "Helen Ward",
  theirDayText: "Fri 5 Feb 2027",
  yourDayText: "Wed 10 Feb 2027",
};

export const noRotaSample: NoRotaView = {
  month: "2027-03",
  monthTitle: "March 2027",
  canMake: true,
};
