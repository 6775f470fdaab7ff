import type { Meeting } from "../../model";
import { formatIsoDate, resolvePolicy, type ResolvedPolicy } from "../../rules";
import { meetingLimit, meetingTimeline } from "../timeline/meeting-timeline";
import { MILESTONES } from "../timeline/milestones";
import { FAMILY_REPORT_RULES, INVITE_LIST_RULES } from "../timeline/timeline-dates";

export interface Rate {
  /** Children (ICPCs), meetings (reviews) or deadlines counted. */
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
  /**
   * Children who were the subject of an ICPC held in the period, each timed
   * from the strategy discussion at which the section 47 enquiry started
   * (icpc.latest: 15 working days), as the children in need census counts.
   */
  icpc: Breakdown;
  /** Each ICPC held in the period: how many children it was about, and how many got a plan. */
  icpcConferences: IcpcCount[];
  /** RCPCs held within their limit (rcpc.next.latest). */
  rcpc: Breakdown;
  /** CLA reviews held within their limit (cla.first/second/next.latest). */
  cla: Breakdown;
  /** Reports shared with the family by the policy's deadline (Leicestershire report.family, virtual-conference report.family-walkthrough). */
  reportsSharedOnTime: Rate;
  /** Invite lists complete by the policy's deadline (Swindon, virtual-conference invite-list.due and kin). */
  inviteListsOnTime: Rate;
}

export interface IcpcCount {
  meetingId: string;
  caseId: string;
  /** The ICPC's date (Europe/London). */
  heldOn: string;
  /** Children the conference was about: each is one subject of an ICPC in the census. */
  children: number;
  /** Of them, those the outcome put on a plan (0 until the outcome is recorded). */
  onPlan: number;
  onTime: boolean;
}

/** A meeting with who it belongs to, for the team and chair breakdowns. */
export interface CountedMeeting {
  meeting: Meeting;
  teamManagerId: string;
  /** The children the conference was about (an ICPC counts each). */
  childCount: number;
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
  add(ok: boolean, month: string, team: string, chair: string | undefined, times = 1): void {
    const at = (m: Map<string, Tally>, k: string) => {
      let t = m.get(k);
      if (t === undefined) m.set(k, (t = new Tally()));
      for (let i = 0; i < times; i++) t.add(ok);
    };
    for (let i = 0; i < times; i++) this.overall.add(ok);
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
 * return counts ICPCs (docs/capabilities.md, "Timeliness figures"):
 * - per child: each child an ICPC was about counts once for that ICPC (the
 *   census counts children who were the subject of an ICPC in the period,
 *   timed from the strategy discussion at which the section 47 enquiry
 *   started); a sibling the conference was not about is not counted.
 *   Reviews and deadlines count per meeting;
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
  // only: a council's own closure days (docs/rules.md overrides) move its
  // deadlines, not the national measure.
  const national = resolvePolicy(policy.id);
  const now = (range.now ?? range.to).getTime();
  const icpc = new BreakdownTally();
  const rcpc = new BreakdownTally();
  const cla = new BreakdownTally();
  const icpcConferences: IcpcCount[] = [];
  const reports = new Tally();
  const lists = new Tally();
  const cal = policy.calendar;
  for (const { meeting, teamManagerId, childCount } of meetings) {
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
    const chair = meeting.chair?.entraObjectId;
    if (meeting.kind === "ICPC") {
      icpc.add(ok, month, teamManagerId, chair, childCount);
      icpcConferences.push({
        meetingId: meeting.id,
        caseId: meeting.caseId,
        heldOn: formatIsoDate(heldDay),
        children: childCount,
        onPlan: meeting.outcome?.children.filter((c) => c.decision === "plan").length ?? 0,
        onTime: ok,
      });
    } else (meeting.kind === "RCPC" ? rcpc : cla).add(ok, month, teamManagerId, chair);

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
    icpcConferences,
    rcpc: rcpc.breakdown,
    cla: cla.breakdown,
    reportsSharedOnTime: reports.rate,
    inviteListsOnTime: lists.rate,
  };
}
