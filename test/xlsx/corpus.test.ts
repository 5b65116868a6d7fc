/**
 * The corpus (test/xlsx/corpus/README.md: real-world files from Excel, LibreOffice, openpyxl, SheetJS…
 * with their sources and licences). Three checks:
 * 1. `reno calc <file> --out …` in a child process: exit 0 or 2 with a message naming the file, never 1,
 *    nothing written on 2, and never a hang — the child is killed after 30 s (a timeout, not a speed
 *    assertion: a normal run takes well under a second).
 * 2. The example's result merged into every file that opens as a workbook: the package passes Excel's
 *    checks (office.ts packageProblems), the input bytes are unchanged, macros are listed as not carried.
 * 3. LibreOffice opens every merged result (one soffice run) and its 测算结果 total row is the engine's.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { calculate, toOutputJson } from "../../src/engine";
import { EXAMPLE_INPUT, WorkbookRead } from "../../src/workbook";
import { WorkbookFileError, calculateBook, loadWorkbook, resultBook, templateBook, workbookBytes } from "../../src/xlsx";
import { ensureCli } from "../../scripts/build-cli";
import { packageProblems, parseCsv } from "./office";
import { NO_SOFFICE, SOFFICE, describeWith } from "../support/programs";
import { spawnSync } from "child_process";
import { tempDir } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
/** The built command line (lib/, made fresh in beforeAll), run as bin/reno.js runs it. */
const RUN = `require(${JSON.stringify(path.join(ROOT, "lib", "cli", "reno"))}).runAsScript(process.argv.slice(1))`;
const CORPUS = path.join(__dirname, "corpus");
const FILES = fs
  .readdirSync(CORPUS)
  .filter((d) => fs.statSync(path.join(CORPUS, d)).isDirectory())
  .flatMap((d) => fs.readdirSync(path.join(CORPUS, d)).map((f) => path.join(d, f)))
  .sort();
const dir = tempDir("reno-corpus-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The limit after which a run counts as a hang (issue 10: never > 30 s). */
const HANG_MS = 30_000;

interface Run {
  file: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  wrote: boolean;
}

function runOne(file: string, i: number): Promise<Run> {
  const out = path.join(dir, `out-${i}.xlsx`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", RUN, "calc", path.join(CORPUS, file), "--out", out], { cwd: ROOT, timeout: HANG_MS, killSignal: "SIGKILL" });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.stdout.resume();
    child.on("close", (code, signal) => resolve({ file, code, signal, stderr, wrote: fs.existsSync(out) }));
  });
}

describe("the corpus of real-world files", () => {
  beforeAll(() => ensureCli(), 240_000);

  test(`holds files of many kinds (${FILES.length})`, () => {
    const ext = new Set(FILES.map((f) => path.extname(f).toLowerCase()));
    expect([...ext].sort()).toEqual([".ods", ".xls", ".xlsb", ".xlsm", ".xlsx"]);
    expect(FILES.length).toBeGreaterThan(100);
  });

  test("every file gives exit 0 or 2 with a message naming it — never 1, never a hang", async () => {
    const runs: Run[] = [];
    // Two at a time (the machine has two cores).
    let next = 0;
    const worker = async () => {
      while (next < FILES.length) {
        const i = next++;
        runs.push(await runOne(FILES[i], i));
      }
    };
    await Promise.all([worker(), worker()]);
    const bad = runs.filter(
      (r) => r.signal !== null || (r.code !== 0 && r.code !== 2) || (r.code === 2 && (r.wrote || !r.stderr.includes(path.basename(r.file)))),
    );
    expect(bad.map((r) => `${r.file}: exit ${r.code} ${r.signal ?? ""} ${r.stderr.slice(0, 300)}`)).toEqual([]);
    expect(runs.some((r) => r.stderr.includes("内部错误"))).toBe(false);
    // What the kinds of file get (spot checks of the messages).
    const err = (f: string) => runs.find((r) => r.file === f)!.stderr;
    expect(err("calamine/any_sheets.xls")).toContain("旧版 .xls");
    expect(err("calamine/any_sheets.xlsb")).toContain("Excel 二进制工作簿（.xlsb）");
    expect(err("calamine/pass_protected.xlsx")).toContain("工作簿设有打开密码");
    expect(err("calamine/richtext_issue.ods")).toContain("OpenDocument 电子表格（.ods）");
    expect(err("calamine/strict_iso_paths.xlsx")).toContain("缺少工作表“项目信息”");
  }, 900_000);
});

/** The example calculated once: the result merged into every corpus workbook. */
async function exampleRead(): Promise<WorkbookRead> {
  const r = await calculateBook("example.xlsx", await workbookBytes(templateBook({ example: true })));
  if (!r.ok) throw new Error("example invalid");
  return r.read;
}

describe("a result merged into every real-world workbook", () => {
  const merged: string[] = [];

  test("passes Excel's package checks, leaves the input as it was, lists macros as not carried", async () => {
    const read = await exampleRead();
    let opened = 0;
    const problems: string[] = [];
    for (const file of FILES) {
      const bytes = fs.readFileSync(path.join(CORPUS, file));
      const copy = Buffer.from(bytes);
      let book;
      try {
        book = await loadWorkbook(file, bytes);
        void book.sheetNames;
      } catch (e) {
        if (e instanceof WorkbookFileError) continue;
        throw e;
      }
      opened++;
      const r = await resultBook(book, read, { time: new Date(2026, 0, 1), version: "test", source: file });
      expect(bytes.equals(copy)).toBe(true);
      for (const p of packageProblems(r.bytes)) problems.push(`${file}: ${p}`);
      const macros = r.notCarried.some((x) => x.zh.includes("宏（VBA 工程）"));
      expect(`${file}: ${macros}`).toBe(`${file}: ${book.pkg.rels(book.workbookPart).some((x) => x.kind === "vbaProject")}`);
      const out = path.join(dir, `merged-${file.replace(/[/\\]/g, "-")}.xlsx`);
      fs.writeFileSync(out, r.bytes);
      merged.push(out);
    }
    expect(problems).toEqual([]);
    expect(opened).toBeGreaterThan(90);
  }, 300_000);

  describeWith(SOFFICE, NO_SOFFICE)("in LibreOffice", () => {
    test("every merged result opens, and its 测算结果 total row is the engine's", () => {
      const j = (() => {
        const r = calculate(EXAMPLE_INPUT);
        if (!r.ok) throw new Error("example");
        return toOutputJson(r.value);
      })();
      const outdir = path.join(dir, "csv");
      const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
      const r = spawnSync(
        SOFFICE!,
        [`-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--headless", "--convert-to", filter, "--outdir", outdir, ...merged],
        {
          encoding: "utf8",
          timeout: 600_000,
        },
      );
      expect(r.status).toBe(0);
      const missing: string[] = [];
      for (const m of merged) {
        const csv = path.join(outdir, `${path.basename(m, ".xlsx")}-测算结果.csv`);
        if (!fs.existsSync(csv)) {
          missing.push(path.basename(m));
          continue;
        }
        const total = parseCsv(fs.readFileSync(csv, "utf8")).find((x) => x[0] === "合计")!;
        expect([Number(total[6]), Number(total[10])]).toEqual([j.project.residentTotal, j.totals!.net]);
      }
      expect(missing).toEqual([]);
    }, 900_000);
  });
});
