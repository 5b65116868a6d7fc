/**
 * Command-line start-up (issue 9 §5): `node bin/reno.js calc examples/hongqiao-xincun.json` — start-up,
 * loading the built lib/, computing the 40-household example and printing its JSON — against a bare
 * `node -e 0`, both spawned in the same run, interleaved, many times; medians compared.
 * Target: the command takes ≤ 0.3 s more than a bare Node start.
 *
 *   npm run bench cli
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { performance } from "perf_hooks";
import { ensureCli } from "../scripts/build-cli";
import { check, fmt, median, ms, report } from "./util";

const ROOT = path.resolve(__dirname, "..");
export const STARTUP_EXTRA_LIMIT_MS = 300;
const REPETITIONS = 31;

/** Wall-clock ms of one run of node with these arguments; throws unless it exits 0. */
function spawnMs(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return t;
}

export async function run(): Promise<void> {
  ensureCli((line) => report("cli", line.trim()));
  const bare = ["-e", "0"];
  const reno = [path.join("bin", "reno.js"), "calc", path.join("examples", "hongqiao-xincun.json")];
  // Warm the file cache, then alternate the two so that both see the same load on the machine.
  for (let i = 0; i < 3; i++) {
    spawnMs(bare);
    spawnMs(reno);
  }
  const bareMs: number[] = [];
  const renoMs: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    bareMs.push(spawnMs(bare));
    renoMs.push(spawnMs(reno));
  }
  const b = median(bareMs);
  const c = median(renoMs);
  check(
    "cli",
    `reno calc examples/hongqiao-xincun.json (40 households) minus bare node -e 0, medians of ${REPETITIONS}`,
    c - b,
    STARTUP_EXTRA_LIMIT_MS,
    ms,
    `reno ${fmt(c, ms)}, bare node ${fmt(b, ms)}`,
  );
  // For information: what `npm run calc` adds (npm's own start-up), a few runs.
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const npmMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = spawnSync(npm, ["run", "--silent", "calc", "--", "examples/hongqiao-xincun.json"], { cwd: ROOT, stdio: "ignore" });
    if (r.status !== 0) throw new Error(`npm run calc exited ${r.status}`);
    npmMs.push(performance.now() - t0);
  }
  report("cli", `npm run --silent calc -- examples/hongqiao-xincun.json: median ${fmt(median(npmMs), ms)} of 5 (npm's own start-up included; no target)`);
}

if (require.main === module) void run();
