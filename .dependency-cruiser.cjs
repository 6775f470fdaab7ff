/**
 * The house's layering, enforced by `npm run lint`. Folders import only
 * downward:
 *
 *   app/ (composition root)      cli/ bench/ manifest/ (entry points)
 *   bot/ graph/ store/ scheduler/ (adapters)
 *   workflow/ (by feature, over workflow/kernel/)
 *   cards/   rules/
 *   ports/   model/
 *
 * Type-only imports count (tsPreCompilationDeps), so an interface cannot
 * sneak upward. Tests (and their helpers) may reach across to wire a world.
 */
const TESTS = "(^test/|\\.test\\.ts$|/__tests__/)";
const ADAPTERS = "^(bot|graph|store|scheduler)/";
const ENTRY = "^(app|cli|bench|manifest)/";

module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      comment: "An import loop: break it by moving the shared piece down.",
      severity: "error",
      from: { pathNot: TESTS },
      to: { circular: true },
    },
    {
      name: "model-is-the-bottom",
      comment: "model/ imports nothing of Convene's but model/.",
      severity: "error",
      from: { path: "^model/", pathNot: TESTS },
      to: {
        path: "^(ports|rules|cards|workflow|bot|graph|store|scheduler|app|cli|bench|manifest|test)/",
      },
    },
    {
      name: "ports-sit-on-model",
      comment: "ports/ imports only model/ (and ports/).",
      severity: "error",
      from: { path: "^ports/", pathNot: TESTS },
      to: {
        path: "^(rules|cards|workflow|bot|graph|store|scheduler|app|cli|bench|manifest|test)/",
      },
    },
    {
      name: "rules-are-pure",
      comment: "rules/ imports only model/.",
      severity: "error",
      from: { path: "^rules/", pathNot: TESTS },
      to: {
        path: "^(ports|cards|workflow|bot|graph|store|scheduler|app|cli|bench|manifest|test)/",
      },
    },
    {
      name: "cards-below-workflow",
      comment: "cards/ renders; it never reaches workflow/, an adapter or the app.",
      severity: "error",
      from: { path: "^cards/", pathNot: TESTS },
      to: { path: "^(workflow|bot|graph|store|scheduler|app|cli|bench|manifest|test)/" },
    },
    {
      name: "workflow-knows-no-adapter",
      comment: "workflow/ talks to the world through ports/ only.",
      severity: "error",
      from: { path: "^workflow/", pathNot: TESTS },
      to: { path: "^(bot|graph|store|scheduler|app|cli|bench|manifest|test)/" },
    },
    {
      name: "adapters-below-workflow",
      comment:
        "An adapter implements ports/; it never calls workflow/ or the app, nor another adapter.",
      severity: "error",
      from: { path: "^(bot|graph|store|scheduler)/", pathNot: TESTS },
      to: {
        path: "^(workflow|app|cli|bench|manifest|test)/",
      },
    },
    {
      name: "adapters-apart",
      comment: "Adapters do not import each other; app/ wires them.",
      severity: "error",
      from: { path: "^(bot|graph|store|scheduler)/([^/]+)", pathNot: TESTS },
      to: { path: ADAPTERS, pathNot: "^$1/" },
    },
    {
      name: "only-entry-points-import-app",
      comment:
        "app/ is the composition root: only cli/, bench/ and manifest/ (entry points) import it.",
      severity: "error",
      from: { pathNot: `${ENTRY}|${TESTS}` },
      to: { path: "^app/" },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^node_modules/|^dist/)" },
    includeOnly:
      "^(app|bench|bot|cards|cli|graph|manifest|model|ports|rules|scheduler|store|test|workflow)/",
  },
};
