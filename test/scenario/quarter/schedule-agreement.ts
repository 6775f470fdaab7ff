import { convene } from "../../../cli/__tests__/run-cli";
import type { World } from "../world";

/**
 * The councils' other procedures: `npx convene schedule` agrees with the scheduler. Answers the
 * recurring jobs the command lists for [from, to] and those the scenario's
 * scheduler ran in the same range, each as "rule @ instant", sorted, for
 * the test to compare.
 */
export async function scheduleAgreement(
  world: World,
  policy: string,
  from: string,
  to: string,
): Promise<{ listed: string[]; ran: string[] }> {
  const out = await convene("schedule", "--policy", policy, "--from", from, "--to", to, "--json");
  if (out.code !== 0) throw new Error(out.stderr);
  const entries = (JSON.parse(out.stdout) as { entries: { rule: string; at: string }[] }).entries;
  const listed = entries.map((e) => `${e.rule} @ ${new Date(e.at).toISOString()}`).sort();
  const start = Date.parse(`${from}T00:00:00Z`) - 3_600_000;
  const end = Date.parse(`${to}T23:59:59Z`);
  const recurring = new Set(world.deps.policy.recurring.map((r) => r.id));
  const ran = world.ran
    .filter((r) => recurring.has(r.taskType))
    .filter((r) => Date.parse(r.at) >= start && Date.parse(r.at) <= end)
    .map((r) => `${r.taskType} @ ${r.at}`)
    .sort();
  return { listed, ran };
}
