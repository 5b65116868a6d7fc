#!/usr/bin/env node
/**
 * `reno` — the command line (`npx reno calc book.xlsx`, `npm run calc`): runs lib/cli/reno.js, the
 * JavaScript `npm run build` makes from src/cli. When lib/ is missing or older than src/ (a fresh clone,
 * an edited source), it is rebuilt first, once (scripts/build-cli.js, a few seconds).
 */
"use strict";
try {
  require("../scripts/build-cli").ensureCli((s) => process.stderr.write(s));
} catch (e) {
  process.stderr.write(`内部错误 internal error: ${e.message}\n`);
  process.exit(1);
}
require("../lib/cli/reno").runAsScript(process.argv.slice(2));
