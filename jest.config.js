/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Type-checking is `npm run typecheck`'s job; ts-jest only transpiles
  // (tsconfig's isolatedModules) so the suite stays fast.
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["<rootDir>/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  modulePathIgnorePatterns: ["<rootDir>/dist/"],
  testTimeout: 30000,
};
