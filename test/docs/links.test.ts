import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * Every relative link and image in README.md and docs/ leads somewhere: the
 * file exists and, for a link into a Markdown file with `#anchor`, a heading
 * makes that anchor (GitHub's rule: lower case, punctuation dropped, spaces
 * to hyphens).
 */
const ROOT = resolve(__dirname, "..", "..");

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return path.endsWith(".md") ? [path] : [];
  });
}

/** The text without fenced code blocks or inline code, where brackets are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
}

export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchors(file: string): Set<string> {
  const headings = prose(readFileSync(file, "utf8"))
    .split("\n")
    .filter((line) => /^#{1,6}\s/.test(line))
    .map((line) => slug(line.replace(/^#+\s*/, "")));
  return new Set(headings);
}

function links(file: string): string[] {
  const found: string[] = [];
  for (const m of prose(readFileSync(file, "utf8")).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = m[1] ?? "";
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
    found.push(target);
  }
  return found;
}

const FILES = [join(ROOT, "README.md"), ...markdownFiles(join(ROOT, "docs"))];

describe("links in README.md and docs/", () => {
  it("finds the documents, and links in them", () => {
    expect(FILES.length).toBeGreaterThan(5);
    expect(FILES.flatMap(links).length).toBeGreaterThan(20);
  });

  it.each(FILES.map((f) => [relative(ROOT, f), f]))(
    "%s: every relative link resolves",
    (_, file) => {
      const broken: string[] = [];
      for (const target of links(file)) {
        const [path = "", anchor] = target.split("#");
        const dest = path === "" ? file : resolve(dirname(file), decodeURI(path));
        if (!existsSync(dest)) {
          broken.push(`${target} (no such file)`);
        } else if (anchor !== undefined && dest.endsWith(".md") && !anchors(dest).has(anchor)) {
          broken.push(`${target} (no such heading)`);
        }
      }
      expect(broken).toEqual([]);
    },
  );

  it("tells a broken link from a good one", () => {
    expect(slug("Stand-down, rebooking and quoracy")).toBe("stand-down-rebooking-and-quoracy");
    expect(slug("The scheduler (`scheduler/`)")).toBe("the-scheduler-scheduler");
    expect(links(join(ROOT, "README.md"))).toContain("docs/rules.md");
  });
});

describe("README.md", () => {
  it("is at most 15 KB", () => {
    expect(statSync(join(ROOT, "README.md")).size).toBeLessThanOrEqual(15 * 1024);
  });

  it("opens with the two commands: run locally, and .ci/run (what CI runs)", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = readme.split("```")[1] ?? "";
    const [run, test] = block
      .split("\n")
      .filter((l) => l.trim() && l !== "sh")
      .map((l) => l.replace(/\s+#.*$/, "").trim());
    expect(run).toMatch(/npm run demo$/);
    expect(test).toBe("bash .ci/run");
    // .ci/run installs what it needs, then runs the checks under both runtimes.
    const ci = readFileSync(join(ROOT, ".ci", "run"), "utf8");
    for (const step of ["install-system-deps.sh", "npm ci", "npm run runtimes", "npm run check"])
      expect(ci).toContain(step);
  });
});
