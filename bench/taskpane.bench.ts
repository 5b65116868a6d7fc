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
  const bytes = fs.readFileSync(path.join(__dirname, "..", "dist", "taskpane.js"));
  report("taskpane", `dist/taskpane.js: ${(bytes.length / 1024).toFixed(0)} KB minified, ${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzip (no target)`);
}
