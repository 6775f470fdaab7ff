/**
 * `npm run bench [-- name ...]`: runs each benchmark in its own Node process
 * so that one bench's heap never colours another's memory figures. Figures
 * are printed by the benches themselves; this only sequences them.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const BENCHES = ["timeline", "store", "graph", "turn", "replies", "lists", "import"] as const;

function main(argv: string[]): number {
  const wanted = argv.length > 0 ? argv : [...BENCHES];
  const unknown = wanted.filter((name) => !(BENCHES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    process.stderr.write(
      `bench: unknown bench ${unknown.join(", ")}; known: ${BENCHES.join(", ")}\n`,
    );
    return 2;
  }
  let failed = 0;
  for (const name of wanted) {
    process.stdout.write(`\n== bench/${name} ==\n`);
    const script = path.join(__dirname, `${name}.js`);
    const run = spawnSync(process.execPath, ["--expose-gc", script], { stdio: "inherit" });
    if (run.status !== 0) {
      failed += 1;
      process.stderr.write(`bench/${name} exited with ${run.status ?? run.signal}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
