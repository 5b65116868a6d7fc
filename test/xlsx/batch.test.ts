import * as fs from "fs";
import * as path from "path";
import { calculate, toOutputJson } from "../../src/engine";
import { PROGRAMME, programmeProjects } from "../../src/cli/example-programme";
import { createProgress } from "../../src/cli/progress";
import { SMALL, calc, openBook, sheetRows, tempDir, writeBook } from "./helpers";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const paidInFull = { ...SMALL, project: { ...SMALL.project, name: "已到位小区" }, households: SMALL.households!.map((h) => ({ ...h, paid: 600000 })) };

describe("calc on a folder", () => {
  test("writes one row per project, fully collected first, a bad workbook in its row, and exits 2", async () => {
    const folder = path.join(dir, "programme");
    fs.mkdirSync(folder);
    await writeBook(path.join(folder, "a-partial.xlsx"), SMALL);
    await writeBook(path.join(folder, "b-bad.xlsx"), { ...SMALL, households: [{ ...SMALL.households![0], area: "很大" }] });
    await writeBook(path.join(folder, "c-full.xlsx"), paidInFull);
    fs.writeFileSync(path.join(folder, "d-notes.xlsx"), "not a workbook");
    fs.writeFileSync(path.join(folder, "~$a-partial.xlsx"), "Excel lock file");
    const out = path.join(dir, "summary.xlsx");
    const r = await calc(folder, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('b-bad.xlsx (1)\n  住户!C2: 应为数字，实为 "很大"');
    expect(r.err).toContain("d-notes.xlsx: 不是 Excel 工作簿");
    expect(r.err).toContain("4 个工作簿，2 个已测算，2 个有误");
    // No progress bar when stderr is not a terminal.
    expect(r.err).not.toContain("█");

    // The table below the title block (title, date and unit, the ordering note).
    const all = sheetRows(await openBook(out), "项目汇总");
    const rows = all.slice(all.findIndex((x) => x[0] === "序号"));
    expect(rows.map((x) => x[1])).toEqual(["文件", "c-full.xlsx", "a-partial.xlsx", "b-bad.xlsx", "d-notes.xlsx", "4 个项目"]);
    const a = calculate(SMALL);
    const c = calculate(paidInFull);
    if (!a.ok || !c.ok) throw new Error("fixtures");
    const ja = toOutputJson(a.value);
    const outstanding = Math.round(ja.households!.reduce((n, h) => n + Math.max(0, h.balance) * 100, 0)) / 100;
    expect(rows[0].slice(10, 19)).toEqual([
      "到位比例",
      "未到位金额",
      "自筹资金已全部到位",
      "表决通过",
      "审批路径",
      "电梯台数",
      "电梯业主分摊",
      "电梯未到位",
      "问题",
    ]);
    expect(rows[2].slice(2, 15)).toEqual(["测试小区", "概算", 3500000, 1000000, 100000, 2400000, 300, 3, 0.4659, outstanding, "否", "未通过", "三合一"]);
    // No elevators: the elevator columns stay blank; 问题 too.
    expect([15, 16, 17, 18].map((c) => rows[2][c] ?? null)).toEqual([null, null, null, null]);
    expect(rows[1].slice(10, 14)).toEqual([1, 0, "是", "未通过"]);
    expect(String(rows[3][18])).toContain('住户!C2: 应为数字，实为 "很大"');
    expect(String(rows[4][18])).toContain("不是 Excel 工作簿");
    const total = rows[5];
    expect(total.slice(4, 10)).toEqual([7000000, 2000000, 200000, 4800000, 300, 6]);
    expect(total[11]).toBe(outstanding);
    expect(total[12]).toBe("1 / 2");
    expect(total.slice(15, 18)).toEqual([0, 0, 0]);
    // 问题 holds problems only: the total row has none.
    expect(total[18] ?? null).toBeNull();
    const problems = sheetRows(await openBook(out), "问题清单");
    expect(problems).toContainEqual(["b-bad.xlsx", "住户!C2", '应为数字，实为 "很大"', 'expected a number, found "很大"']);
  });

  test("exits 0 and writes JSON for a folder of good workbooks", async () => {
    const folder = path.join(dir, "good");
    fs.mkdirSync(folder);
    await writeBook(path.join(folder, "one.xlsx"), SMALL);
    const out = path.join(dir, "good.json");
    expect((await calc(folder, "--out", out)).code).toBe(0);
    const json = JSON.parse(fs.readFileSync(out, "utf8"));
    const a = calculate(SMALL);
    if (!a.ok) throw new Error("fixture");
    expect(json).toEqual([{ file: "one.xlsx", ok: true, stage: "estimate", result: toOutputJson(a.value) }]);
  });

  test("refuses a folder with no workbooks", async () => {
    const folder = path.join(dir, "empty");
    fs.mkdirSync(folder);
    const r = await calc(folder, "--out", path.join(dir, "empty.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("no .xlsx workbooks");
  });
});

describe("progress bar", () => {
  test("draws on a terminal and stays silent elsewhere", () => {
    let tty = "";
    const p = createProgress(2, { isTTY: true, columns: 60, write: (s) => ((tty += s), true) });
    p.tick("a.xlsx");
    p.tick("b.xlsx");
    p.done();
    expect(tty).toContain("2/2 b.xlsx");
    expect(tty).toContain("█".repeat(24));
    let pipe = "";
    createProgress(2, { isTTY: false, write: (s) => ((pipe += s), true) }).tick("a");
    expect(pipe).toBe("");
  });
});

describe("the programme example", () => {
  test("has Sanyuan's 22 projects and 12,197 households, the same for the same seed", () => {
    const projects = programmeProjects(2022);
    expect(projects).toHaveLength(PROGRAMME.projects);
    expect(projects.reduce((n, p) => n + p.input.households!.length, 0)).toBe(12197);
    expect(programmeProjects(2022)[5].input).toEqual(projects[5].input);
    const all = projects.flatMap((p) => p.input.households!);
    const share = (f: (h: Record<string, unknown>) => boolean) => all.filter(f).length / all.length;
    // Plausible rates: a few percent hardship statuses, some unpaid, names of two or three characters.
    expect(share((h) => h.status !== undefined)).toBeGreaterThan(0.03);
    expect(share((h) => h.status !== undefined)).toBeLessThan(0.09);
    expect(share((h) => h.paid === undefined)).toBeGreaterThan(0.05);
    expect(all.every((h) => /^[\u4e00-\u9fff]{2,3}$/.test(String(h.owner)))).toBe(true);
    expect(projects.filter((p) => p.stage === "settlement").length).toBeGreaterThan(0);
    // Every project is valid input for the engine.
    for (const p of projects) expect(calculate(p.input).ok).toBe(true);
  });
});
