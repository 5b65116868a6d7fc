/**
 * Two jest projects (`npm test` runs both; `npm run test:unit` = `npm test -- --selectProjects unit`):
 *
 *   unit  everything that needs only src/ — engine, workbook, xlsx, CLI, the functions' entries, the
 *         Office.js adapter on the fake, task-pane workflows. No webpack build. The CLI tests that run
 *         bin/reno.js build lib/ first when it is stale (scripts/build-cli.js, a few seconds).
 *   dist  the tests of the built add-in in dist/: the functions bundle in a vm, the manifest, the task
 *         pane in Chromium. Its globalSetup runs the production webpack build when dist/ is stale.
 */
const DIST_TESTS = ["<rootDir>/test/functions/bundle.test.ts", "<rootDir>/test/manifest/**/*.test.ts", "<rootDir>/test/browser/**/*.test.ts"];

const common = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
};

/** @type {import('jest').Config} */
module.exports = {
  // A global option: jest ignores it inside a project.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/functions/bundle\\.test\\.ts$", "<rootDir>/test/manifest/", "<rootDir>/test/browser/"],
    },
    {
      ...common,
      displayName: "dist",
      testMatch: DIST_TESTS,
      globalSetup: "<rootDir>/test/global-setup.ts",
    },
  ],
};
