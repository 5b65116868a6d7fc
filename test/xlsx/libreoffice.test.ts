/**
 * A produced workbook opens in a real spreadsheet program: LibreOffice (headless) converts every
 * sheet to CSV and the totals match the engine's. Needs `soffice` (Debian: libreoffice-calc-nogui);
 * without it the test prints why it is skipped and installs nothing.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { calculate, toOutputJson } from "../../src/engine";
import { EXAMPLE_INPUT } from "../../src/workbook";
import { calc, tempDir, writeBook } from "./helpers";
import { parseCsv } from "./office";
import { NO_SOFFICE, SOFFICE, describeWith } from "../support/programs";

const office = SOFFICE;
const dir = tempDir("reno-lo-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Converts every sheet of `book` to CSV (raw values, UTF-8) and returns them by sheet name. */
function toCsv(book: string): Record<string, string[][]> {
  const outdir = path.join(dir, `csv-${path.basename(book)}`);
  // Filter: comma, quote, UTF-8, from line 1, …, cell contents not as shown (raw numbers), -1 = every sheet.
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  const r = spawnSync(office!, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", filter, "--outdir", outdir, book], {
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  const base = path.basename(book, ".xlsx");
  const sheets: Record<string, string[][]> = {};
  for (const f of fs.readdirSync(outdir)) sheets[f.slice(base.length + 1, -4)] = parseCsv(fs.readFileSync(path.join(outdir, f), "utf8"));
  return sheets;
}

const num = (s: string | undefined) => Number(s);

describeWith(office, NO_SOFFICE)("a produced workbook in LibreOffice", () => {
  test("opens, and its result, summary and programme totals match the engine to the fen", async () => {
    const book = path.join(dir, "example.xlsx");
    await writeBook(book, EXAMPLE_INPUT, { "costs.basic": 830000.5, "costs.improvement": 455000, "costs.enhancement": 180000 });
    const out = path.join(dir, "result.xlsx");
    expect((await calc(book, "--out", out)).code).toBe(0);
    const sheets = toCsv(out);
    expect(Object.keys(sheets).sort()).toEqual(["住户", "政策参数", "测算结果", "计算说明", "资金汇总", "项目信息", "加装电梯", "电梯分摊"].sort());

    const settled = { ...EXAMPLE_INPUT, project: { ...EXAMPLE_INPUT.project, costs: { basic: 830000.5, improvement: 455000, enhancement: 180000 } } };
    const r = calculate(settled);
    if (!r.ok) throw new Error("fixture");
    const j = toOutputJson(r.value);
    // The table below the title block (title; project, stage, date, unit).
    const result = sheets["测算结果"].slice(sheets["测算结果"].findIndex((x) => x[0] === "房号"));
    const total = result.find((x) => x[0] === "合计")!;
    expect(total.slice(3, 7).map(num)).toEqual([
      j.project.residentByTier.basic,
      j.project.residentByTier.improvement,
      j.project.residentByTier.enhancement,
      j.project.residentTotal,
    ]);
    expect([total[8], total[9], total[10], total[11], total[12]].map(num)).toEqual([
      j.totals!.relief,
      j.totals!.grant,
      j.totals!.net,
      j.totals!.paid,
      j.totals!.balance,
    ]);
    // Each household row as LibreOffice reads it.
    j.households!.forEach((h, i) => expect([result[i + 1][0], ...result[i + 1].slice(6, 7).map(num), num(result[i + 1][10])]).toEqual([h.id, h.gross, h.net]));

    // 电梯分摊 as LibreOffice reads it: each elevator's 小计 equals its owners' part, to the fen.
    const shares = sheets["电梯分摊"];
    for (const e of j.elevators!) {
      const sub = shares.find((x) => x[0] === `${e.unit} 小计`)!;
      expect([num(sub[6]), sub[11]]).toEqual([e.ownersPart, "等于业主分摊"]);
      expect(num(shares.find((x) => x[0] === e.unit)![7])).toBe(e.ownersPart);
    }

    const summary = sheets["资金汇总"];
    const row = (label: string) => summary.find((x) => x[0] === label)!;
    expect(row("总投资 T（不含加装电梯）").slice(1, 4).map(num)).toEqual([1460000, 1465000.5, 5000.5]);
    expect(num(row("财政补助 F = min(F0, 上限)")[2])).toBe(j.project.fiscalSubsidy);
    expect(num(row("居民自筹 R = R0 + X")[2])).toBe(j.project.residentTotal);

    // The batch summary opens too, with the programme total.
    const folder = path.join(dir, "folder");
    fs.mkdirSync(folder);
    fs.copyFileSync(book, path.join(folder, "a.xlsx"));
    const summaryBook = path.join(dir, "summary.xlsx");
    expect((await calc(folder, "--out", summaryBook)).code).toBe(0);
    const programme = toCsv(summaryBook)["项目汇总"];
    const last = programme[programme.length - 1];
    expect(last[0]).toBe("合计");
    expect(last.slice(4, 8).map(num)).toEqual([j.project.totalInvestment, j.project.residentTotal, j.project.socialCapital, j.project.fiscalSubsidy]);
  }, 180_000);
});
