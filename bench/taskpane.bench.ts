/**
 * Task pane bundle size (issue: task pane — "keep the production bundle lean, report its size"), from
 * the production build (dist/, rebuilt first when stale). No target: information only. Gzip size is what
 * an intranet server with compression sends.
 */
import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { ensureDistBuilt, report } from "./util";

export async function run(): Promise<void> {
  const why = ensureDistBuilt("taskpane");
  if (why !== undefined) {
    report("taskpane", `dist/taskpane.js: not measured (${why})`);
    return;
  }
  // The modern pane, and the legacy one (IE11: its polyfills file, then the pane).
  for (const file of ["taskpane.js", "taskpane-legacy-polyfills.js", "taskpane-legacy.js"]) {
    const p = path.join(__dirname, "..", "dist", file);
    if (!fs.existsSync(p)) continue;
    const bytes = fs.readFileSync(p);
    report("taskpane", `dist/${file}: ${(bytes.length / 1024).toFixed(0)} KB minified, ${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzip (no target)`);
  }
}
