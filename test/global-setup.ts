/**
 * Before the tests of the `dist` jest project (jest.config.js; the `unit` project never builds): make sure
 * dist/ holds a production build of the current sources, so that `npm test` alone (the README's test
 * command, on a fresh clone without `npm run build`) runs the bundle, manifest and browser tests instead
 * of skipping them. A no-op when dist/ is up to date (CI builds first).
 */
import { ensureDist } from "./functions/ensure-dist";

export default function globalSetup(): void {
  ensureDist();
}
