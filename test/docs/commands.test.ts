/**
 * Every command of the documentation is run: each line of a ```bash block of README.md and docs/*.md is
 * - run here, in a temporary folder that links the project's files (so output files land there), with
 *   the exit status it should have; or
 * - run by CI (.ci/run runs `npm ci`, `npm run build`, `npm run lint`, `npm test`: checked to be there); or
 * - a usage line with <placeholders> or [options], whose sub-command must exist in `reno --help`; or
 * - listed in NOT_RUN with the reason no test can run it (it needs desktop Excel, Microsoft's online
 *   service, or rewrites dist/ under the other tests).
 * A documented command in none of these fails: add it to the table.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { USAGE } from "../../src/cli/reno";
import { loadWorkbook } from "../../src/xlsx";

const ROOT = path.resolve(__dirname, "../..");
const DOCS = ["README.md", ...fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** Command lines of the ```bash blocks, comments removed, `a && b` split. */
function documentedCommands(): { file: string; line: string }[] {
  const out: { file: string; line: string }[] = [];
  for (const file of DOCS) {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    for (const m of text.matchAll(/```(?:bash|sh|shell)\n([\s\S]*?)```/g)) {
      for (const raw of m[1].split("\n")) {
        const line = raw.replace(/\s+#.*$/, "").trim();
        if (line === "" || line.startsWith("#")) continue;
        for (const part of line.split(" && ")) out.push({ file, line: part.trim() });
      }
    }
  }
  return out;
}

const CI = fs.readFileSync(path.join(ROOT, ".ci/run"), "utf8");
const RUN_BY_CI = ["npm ci", "npm run build", "npm run lint", "npm test"];

const NOT_RUN: Record<string, string> = {
  "npm run build:dev": "writes a development build over dist/, which the dist tests read at the same time; CI runs the production build",
  "ADDIN_BASE_URL=https://reno.example.gov.cn/addin/ npm run build":
    "a second production build inside the tests would rewrite dist/ under the other tests; test/manifest runs its URL rewrite (the production URL) and CI runs npm run build",
};

/** Runs here: the line (cwd = the temporary folder) and the exit status expected. */
const RUN: Record<string, { status: number; check?: (dir: string, out: string) => void | Promise<void> }> = {
  "npm run --silent calc -- examples/hongqiao-xincun.json": { status: 0, check: (_d, out) => expect(JSON.parse(out).project.fiscalSubsidy).toBe(1048074) },
  "npx reno calc book.xlsx --out result.xlsx": { status: 0, check: (d) => expect(fs.statSync(path.join(d, "result.xlsx")).size).toBeGreaterThan(1000) },
  "npx reno calc book.xlsx --out result.json": { status: 0, check: (d) => expect(JSON.parse(fs.readFileSync(path.join(d, "result.json"), "utf8")).project).toBeDefined() },
  "npx reno calc folder/ --out summary.xlsx": { status: 0, check: (d) => expect(fs.existsSync(path.join(d, "summary.xlsx"))).toBe(true) },
  "npx reno calc book.xlsx --notices 通知单.xlsx": { status: 0, check: (d) => noticesIn(d, 40, 20) },
  "npx reno calc book.xlsx --notices 通知单.xlsx --per-page 4": { status: 0, check: (d) => noticesIn(d, 40, 10) },
  "npx reno calc book.xlsx --notices 通知单.xlsx --out 结果.xlsx": {
    status: 0,
    check: async (d) => {
      await noticesIn(d, 40, 20);
      expect((await loadWorkbook("结果.xlsx", fs.readFileSync(path.join(d, "结果.xlsx")))).sheetNames).toContain("测算结果");
    },
  },
  "npx reno calc --help": { status: 0, check: (_d, out) => expect(out).toContain("reno calc") },
  "npx reno --help": { status: 0, check: (_d, out) => expect(out).toBe(USAGE) },
  "npm run example:programme -- /tmp/programme": {
    status: 0,
    check: (d) => expect(fs.readdirSync(path.join(d, "programme")).filter((f) => f.endsWith(".xlsx")).length).toBe(22),
  },
};

/** 通知单.xlsx in dir: `notices` notices (one title each) on `pages` pages (a manual break after each but the last). */
async function noticesIn(dir: string, notices: number, pages: number): Promise<void> {
  const book = await loadWorkbook("通知单.xlsx", fs.readFileSync(path.join(dir, "通知单.xlsx")));
  const sheet = book.sheet("缴费通知")!;
  let titles = 0;
  for (const row of sheet.cells.rows.values()) titles += row.values.filter((v) => v === "老旧小区改造缴费通知单").length;
  expect(titles).toBe(notices);
  const part = book.findSheet("缴费通知")!.part!;
  expect((book.pkg.text(part)!.match(/<brk /g) ?? []).length).toBe(pages - 1);
}

const commands = documentedCommands();

describe("every command in the documentation", () => {
  it("is run here, run by CI, a usage line of an existing sub-command, or listed as not runnable with its reason", () => {
    expect(commands.length).toBeGreaterThan(5);
    const unknown = commands.filter(({ line }) => {
      if (RUN[line] !== undefined || NOT_RUN[line] !== undefined) return false;
      if (RUN_BY_CI.includes(line)) return false;
      if (/[<[]/.test(line)) return false;
      return true;
    });
    expect(unknown).toEqual([]);
    for (const c of RUN_BY_CI) expect([c, CI.includes(c)]).toEqual([c, true]);
  });

  it("has usage lines only for sub-commands that exist", () => {
    for (const { line } of commands.filter((c) => /[<[]/.test(c.line) && RUN[c.line] === undefined)) {
      const m = /^(?:npx reno|npm run --silent) (\w+)/.exec(line);
      if (m === null) continue;
      expect([line, USAGE.includes(`reno ${m[1]}`)]).toEqual([line, true]);
    }
  });

  const runnable = [...new Set(commands.map((c) => c.line).filter((l) => RUN[l] !== undefined))];
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "reno-docs-"));
    // The project's files, linked: npm and npx find package.json and its bin; outputs land in dir.
    for (const f of ["package.json", "bin", "lib", "src", "scripts", "examples", "node_modules", "tsconfig.json", "tsconfig.cli.json"]) {
      if (fs.existsSync(path.join(ROOT, f))) fs.symlinkSync(path.join(ROOT, f), path.join(dir, f));
    }
    // Inputs the documented commands name: a workbook and a folder of two.
    const reno = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/reno.js"), ...args], { cwd: dir, encoding: "utf8" });
    expect(reno("template", "book.xlsx", "--example").status).toBe(0);
    fs.mkdirSync(path.join(dir, "folder"));
    expect(reno("template", "folder/a.xlsx", "--example").status).toBe(0);
    expect(reno("template", "folder/b.xlsx", "--example").status).toBe(0);
  }, 240_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(runnable)("runs: %s", async (line) => {
    const spec = RUN[line];
    const cmd = line.replace("/tmp/programme", "programme");
    const r = spawnSync("bash", ["-c", cmd], { cwd: dir, encoding: "utf8", timeout: 300_000, env: { ...process.env, FORCE_COLOR: "0" } });
    expect([line, r.status, r.status === spec.status ? "" : r.stderr.slice(0, 2000)]).toEqual([line, spec.status, ""]);
    await spec.check?.(dir, r.stdout);
  });
});
