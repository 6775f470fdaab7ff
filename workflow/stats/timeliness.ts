import type { Meeting } from "../../model";
import { formatIsoDate, resolvePolicy, type ResolvedPolicy } from "../../rules";
import { meetingLimit, meetingTimeline } from "../timeline/meeting-timeline";
import { MILESTONES } from "../timeline/milestones";
import { FAMILY_REPORT_RULES, INVITE_LIST_RULES } from "../timeline/timeline-dates";

export interface Rate {
  /** Meetings (or deadlines) counted. */
  counted: number;
  onTime: number;
  /** onTime / counted as a percentage with one decimal; undefined when nothing was counted. */
  percent: number | undefined;
}

export interface Breakdown {
  overall: Rate;
  /** "2027-01" → rate (the month of the meeting's date, Europe/London). */
  byMonth: Record<string, Rate>;
  /** Team manager's object id → rate. */
  byTeam: Record<string, Rate>;
  /** Chair's object id → rate. */
  byChair: Record<string, Rate>;
}

export interface Timeliness {
  from: string;
  to: string;
  /** ICPCs held within 15 working days of the strategy discussion (icpc.latest). */
  icpc: Breakdown;
  /** RCPCs held within their limit (rcpc.next.latest). */
  rcpc: Breakdown;
  /** CLA reviews held within their limit (cla.first/second/next.latest). */
  cla: Breakdown;
  /** Reports shared with the family by the policy's deadline (002 report.family, 001 report.family-walkthrough). */
  reportsSharedOnTime: Rate;
  /** Invite lists complete by the policy's deadline (000, 001 invite-list.due and kin). */
  inviteListsOnTime: Rate;
}

/** A meeting with who it belongs to, for the team and chair breakdowns. */
export interface CountedMeeting {
  meeting: Meeting;
  teamManagerId: string;
}

const HELD: ReadonlySet<Meeting["status"]> = new Set(["held", "outcome-recorded"]);
/** Booked and not stood down: held once its start has passed, outcome recorded or not. */
const GOING_AHEAD: ReadonlySet<Meeting["status"]> = new Set(["booked", "invited"]);

function rate(counted: number, onTime: number): Rate {
  return {
    counted,
    onTime,
    percent: counted === 0 ? undefined : Math.round((onTime / counted) * 1000) / 10,
  };
}

class Tally {
  private counted = 0;
  private onTime = 0;
  add(ok: boolean): void {
    this.counted += 1;
    if (ok) this.onTime += 1;
  }
  get rate(): Rate {
    return rate(this.counted, this.onTime);
  }
}

class BreakdownTally {
  private readonly overall = new Tally();
  private readonly months = new Map<string, Tally>();
  private readonly teams = new Map<string, Tally>();
  private readonly chairs = new Map<string, Tally>();
  add(ok: boolean, month: string, team: string, chair: string | undefined): void {
    this.overall.add(ok);
    const at = (m: Map<string, Tally>, k: string) => {
      let t = m.get(k);
      if (t === undefined) m.set(k, (t = new Tally()));
      t.add(ok);
    };
    at(this.months, month);
    at(this.teams, team);
    if (chair !== undefined) at(this.chairs, chair);
  }
  get breakdown(): Breakdown {
    const obj = (m: Map<string, Tally>) =>
      Object.fromEntries(
        [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, t.rate]),
      );
    return {
      overall: this.overall.rate,
      byMonth: obj(this.months),
      byTeam: obj(this.teams),
      byChair: obj(this.chairs),
    };
  }
}

/**
 * The council's timeliness, counted the way the national children in need
 * return counts ICPCs (README, "Timeliness figures"):
 * - a meeting counts in the period in which it was held (its date), once
 *   held (its outcome recorded, or its start passed and not stood down): a meeting stood down and never held is not a conference and
 *   is not counted; its rebooking counts when held, measured from the same
 *   anchor (the original strategy discussion), so standing down never
 *   resets the clock;
 * - on time means held on or before the limit's date (icpc.latest: the
 *   15th working day after the strategy discussion); an approval to go out
 *   of timescale records why, it does not make the meeting on time;
 * - reports and invite lists: each meeting held in the period whose policy
 *   has the deadline counts once, on time if the milestone was recorded at
 *   or before the deadline's instant.
 * Pure: meetings in, figures out.
 */
export function timeliness(
  policy: ResolvedPolicy,
  meetings: readonly CountedMeeting[],
  range: { from: Date; to: Date; now?: Date },
): Timeliness {
  // The national return counts working days with England's bank holidays
  // only: a council's own closure days (RULES.md overrides) move its
  // deadlines, not the national measure.
  const national = resolvePolicy(policy.id);
  const now = (range.now ?? range.to).getTime();
  const icpc = new BreakdownTally();
  const rcpc = new BreakdownTally();
  const cla = new BreakdownTally();
  const reports = new Tally();
  const lists = new Tally();
  const cal = policy.calendar;
  for (const { meeting, teamManagerId } of meetings) {
    if (meeting.start === undefined) continue;
    const startMs = Date.parse(meeting.start);
    const held = HELD.has(meeting.status) || (GOING_AHEAD.has(meeting.status) && startMs <= now);
    if (!held) continue;
    if (startMs < range.from.getTime() || startMs >= range.to.getTime()) continue;
    const limit = meetingLimit(national, meeting);
    if (limit === undefined) continue;
    const heldDay = cal.toLocal(startMs).day;
    const limitDay = cal.toLocal(limit.getTime()).day;
    const ok = heldDay <= limitDay;
    const month = formatIsoDate(heldDay).slice(0, 7);
    const tally = meeting.kind === "ICPC" ? icpc : meeting.kind === "RCPC" ? rcpc : cla;
    tally.add(ok, month, teamManagerId, meeting.chair?.entraObjectId);

    const entries = meetingTimeline(policy, meeting).entries;
    const deadline = (rules: readonly string[]) =>
      entries.find((e) => rules.includes(e.rule) && e.kind === "deadline");
    const byDeadline = (rules: readonly string[], milestone: string, into: Tally) => {
      const d = deadline(rules);
      if (d === undefined) return;
      const done = meeting.milestones[milestone];
      into.add(done !== undefined && Date.parse(done.at) <= Date.parse(d.at));
    };
    byDeadline(FAMILY_REPORT_RULES, MILESTONES.reportSharedWithFamily, reports);
    byDeadline(INVITE_LIST_RULES, MILESTONES.inviteListComplete, lists);
  }
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    icpc: icpc.breakdown,
    rcpc: rcpc.breakdown,
    cla: cla.breakdown,
    reportsSharedOnTime: reports.rate,
    inviteListsOnTime: lists.rate,
  };
}
