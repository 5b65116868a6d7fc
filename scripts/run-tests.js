#!/usr/bin/env node
/**
 * `npm test`: runs jest (arguments pass through) and ends with the plain line CI reads,
 * `N passed, N failed[, N skipped]`, counted from jest's JSON results.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "reno-jest-")), "results.json");
const jest = require.resolve("jest/bin/jest");
const r = spawnSync(process.execPath, [jest, "--json", `--outputFile=${out}`, ...process.argv.slice(2)], { stdio: "inherit" });
let line = "0 passed, 1 failed";
try {
  const res = JSON.parse(fs.readFileSync(out, "utf8"));
  const skipped = res.numPendingTests + res.numTodoTests;
  // A suite that fails to run (syntax error, failing hook) has no failed tests of its own: count it.
  const brokenSuites = res.testResults.filter((s) => s.status === "failed" && s.assertionResults.every((a) => a.status !== "failed")).length;
  line = `${res.numPassedTests} passed, ${res.numFailedTests + brokenSuites} failed` + (skipped > 0 ? `, ${skipped} skipped` : "");
} catch (e) {
  process.stderr.write(`could not read jest results: ${e.message}\n`);
}
process.stdout.write(`${line}\n`);
process.exit(r.status === null ? 1 : r.status);
