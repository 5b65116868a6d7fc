/**
 * Makes sure dist/ holds a production build of the current sources before a test reads it.
 *
 * CI runs `npm run build` before `npm test`, so dist/ normally exists. When a file is missing, or older
 * than a source it is built from (src/functions, src/commands, src/engine, manifest.xml, assets, the webpack
 * config and its plugin), or holds a development build, the test rebuilds with `webpack --mode production`
 * (~10 s with webpack's filesystem cache, about a minute cold). A lock directory keeps two jest workers from
 * building at the same time (webpack cleans dist/ first).
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { withLock } from "../../scripts/build-cli";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

/** Files the manifest and the bundle tests read. */
export const DIST_FILES = ["functions.js", "functions.json", "functions-en-us.json", "functions.html", "taskpane.html", "manifest.xml", "build-info.json"];

/** The dev origin of manifest.xml; a production build may rewrite it to ADDIN_BASE_URL. */
export const DEV_URL = "https://localhost:3000/";

/** dist/build-info.json, written by webpack.config.js. */
export interface BuildInfo {
  readonly mode: "production" | "development";
  /** The base URL of every manifest URL, with a trailing slash. */
  readonly baseUrl: string;
}

export function readBuildInfo(): BuildInfo | undefined {
  const p = path.join(DIST, "build-info.json");
  return fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, "utf8")) as BuildInfo) : undefined;
}

// All of src/: the task pane bundle (browser test) is built from src/taskpane, src/excel and src/workbook too.
const SOURCES = ["src", "manifest.xml", "assets", "webpack.config.js", "scripts/functions-locale-plugin.js"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, e)));
  return m;
}

/** Why dist/ must be rebuilt, or null when it is up to date. */
export function staleReason(): string | null {
  const newestSource = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  for (const f of DIST_FILES) {
    const p = path.join(DIST, f);
    if (!fs.existsSync(p)) return `dist/${f} is missing`;
    if (fs.statSync(p).mtimeMs < newestSource) return `dist/${f} is older than its sources`;
  }
  // A development build is never what Excel gets; test the production one.
  if (readBuildInfo()?.mode !== "production") return "dist/ holds a development build";
  return null;
}

/** Builds dist/ when it is stale. Synchronous; safe across parallel jest workers. */
export function ensureDist(): void {
  if (staleReason() === null) return;
  withLock(() => {
    if (staleReason() === null) return;
    // Keep the base URL a previous production build was made for (CI may build for an intranet server).
    const env = { ...process.env };
    const base = readBuildInfo()?.baseUrl;
    if (base !== undefined && base !== DEV_URL) env.ADDIN_BASE_URL = base;
    else delete env.ADDIN_BASE_URL;
    try {
      execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
        cwd: ROOT,
        env,
        stdio: "pipe",
        timeout: 200_000,
      });
    } catch (e) {
      const out = e as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`webpack --mode production failed:\n${out.stdout?.toString() ?? ""}\n${out.stderr?.toString() ?? ""}`);
    }
  }, "dist-build");
}
