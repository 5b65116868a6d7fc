#!/usr/bin/env node
/**
 * Builds the command line to JavaScript: src/cli/reno.ts and everything it imports → lib/ (CommonJS,
 * tsconfig.cli.json), so that `reno` (bin/reno.js) starts with plain Node, without tsx.
 *
 *   node scripts/build-cli.js      build now (a step of `npm run build`)
 *   require("./build-cli").ensureCli()   build only when lib/ is missing or stale (bin/reno.js, tests)
 *
 * lib/ mirrors src/ (lib/cli/reno.js ← src/cli/reno.ts), so the freshness check is cheap: every built
 * file's source must still exist and be no newer than it, and the tsconfigs no newer than the entry.
 * A source newly imported by another means that other file changed, so it is caught too. The build
 * goes to a temporary folder that replaces lib/ whole (no files of deleted sources are left behind),
 * under a lock directory so that parallel callers (jest workers) do not build twice at once.
 */
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const LIB = path.join(ROOT, "lib");

/** The .js files under dir, recursively. */
function builtFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...builtFiles(p));
    else if (e.name.endsWith(".js")) out.push(p);
  }
  return out;
}

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Why lib/ must be rebuilt, or null when it is up to date. root: the repository (a test may pass another). */
function cliStaleReason(root = ROOT) {
  const lib = path.join(root, "lib");
  const entry = mtime(path.join(lib, "cli", "reno.js"));
  if (entry === undefined) return "lib/cli/reno.js is missing";
  for (const c of ["tsconfig.json", "tsconfig.cli.json"]) if ((mtime(path.join(root, c)) ?? 0) > entry) return `${c} is newer than lib/`;
  for (const js of builtFiles(lib)) {
    const rel = path.relative(lib, js).slice(0, -".js".length).split(path.sep).join("/");
    const src = [".ts", ".tsx"].map((x) => mtime(path.join(root, "src", rel + x))).find((m) => m !== undefined);
    if (src === undefined) return `src/${rel}.ts is gone`;
    if (src > mtime(js)) return `src/${rel}.ts is newer than lib/`;
  }
  return null;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds lib/ now: tsc into a temporary folder that then replaces lib/. */
function buildCli() {
  const tmp = path.join(ROOT, ".tmp", `lib-${process.pid}-${Date.now()}`);
  try {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.cli.json"), "--outDir", tmp], {
      cwd: ROOT,
      stdio: "pipe",
      timeout: 200_000,
    });
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const out = `${e.stdout ? e.stdout.toString() : ""}${e.stderr ? e.stderr.toString() : ""}`;
    throw new Error(`tsc -p tsconfig.cli.json failed:\n${out || e.message}`);
  }
  fs.rmSync(LIB, { recursive: true, force: true });
  fs.renameSync(tmp, LIB);
}

/**
 * Runs `f` holding a build lock (a directory under .tmp/; one left by a killed run expires), so that
 * parallel callers (jest workers) do not build at once. name: `lib-build`, `dist-build` …
 */
function withLock(f, name = "lib-build") {
  const lock = path.join(ROOT, ".tmp", `${name}.lock`);
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 220_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (mtime(lock) ?? Date.now());
      if (age > 210_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for another build (${name})`);
      sleep(100);
    }
  }
  try {
    return f();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds lib/ when it is missing or stale; a no-op (a few dozen stat calls) when it is up to date.
 * log: where to say that a build happens (bin/reno.js: stderr).
 */
function ensureCli(log = () => undefined) {
  if (cliStaleReason() === null) return;
  withLock(() => {
    const reason = cliStaleReason();
    if (reason === null) return;
    log(`building lib/ (${reason}) …\n`);
    buildCli();
  });
}

module.exports = { cliStaleReason, ensureCli, buildCli, withLock, LIB };

if (require.main === module) {
  try {
    withLock(buildCli);
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 1;
  }
}
