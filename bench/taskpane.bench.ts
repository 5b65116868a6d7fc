/**
 * Task pane bundle size (issue: task pane — "keep the production bundle lean, report its size"), from
 * the production build (`npm run build`). Gzip size is what an intranet server with compression sends.
 */
import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { report } from "./util";

export async function run(): Promise<void> {
  const file = path.join(__dirname, "..", "dist", "taskpane.js");
  if (!fs.existsSync(file)) {
    report("taskpane", "dist/taskpane.js: not built (run `npm run build` first)");
    return;
  }
  const bytes = fs.readFileSync(file);
  report("taskpane", `dist/taskpane.js: ${(bytes.length / 1024).toFixed(0)} KB minified, ${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzip`);
}
