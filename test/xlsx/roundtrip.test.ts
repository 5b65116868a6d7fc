import * as fs from "fs";
import * as path from "path";
import { calculate, toOutputJson } from "../../src/engine";
import { EXAMPLE_INPUT, RESULT_HEADERS } from "../../src/workbook";
import { SMALL, calc, editBook, openBook, sheetRows, tempDir, template, writeBook } from "./helpers";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function engineJson(input: unknown) {
  const r = calculate(input);
  if (!r.ok) throw new Error("fixture invalid");
  return toOutputJson(r.value);
}

describe("calc on a workbook", () => {
  test("template → fill → calc → read back gives the JSON path's figures to the fen", async () => {
    const book = path.join(dir, "filled.xlsx");
    expect((await template(book)).code).toBe(0);
    // Fill the empty template like a user would: project figures in 概算, households in rows 2…
    await editBook(book, (wb) => {
      const p = wb.getWorksheet("项目信息")!;
      p.getCell("C2").value = "填表小区";
      p.getCell("C3").value = 8000;
      p.getCell("C4").value = 2000000;
      p.getCell("C5").value = 1000000;
      p.getCell("C6").value = 500000;
      p.getCell("C7").value = 100000;
      const h = wb.getWorksheet("住户")!;
      SMALL.households!.forEach((x, i) => {
        const row = h.getRow(i + 2);
        row.getCell(1).value = x.id as string;
        row.getCell(2).value = x.owner as string;
        row.getCell(3).value = x.area as number;
        row.getCell(6).value = (x.status as string) ?? null;
        row.getCell(7).value = (x.paid as number) ?? null;
        row.getCell(8).value = x.participated ? "是" : "否";
        row.getCell(9).value = x.agreed ? "√" : "×";
      });
      // The template's table covers one empty row: rows typed below it (as LibreOffice leaves them) are read too.
    });
    const out = path.join(dir, "filled-result.xlsx");
    const r = await calc(book, "--out", out);
    expect(r).toMatchObject({ code: 0, err: "" });

    const expected = engineJson({ ...SMALL, project: { ...SMALL.project, name: "填表小区" } });
    const wb = await openBook(out);
    // Below the two title rows (title; project, stage, date, unit).
    const rows = sheetRows(wb, "测算结果").slice(2);
    expect(rows[0]).toEqual([...RESULT_HEADERS]);
    expected.households!.forEach((h, i) => {
      expect(rows[i + 1].slice(0, 14)).toEqual([
        h.id,
        SMALL.households![i].owner,
        h.area,
        h.byTier.basic,
        h.byTier.improvement,
        h.byTier.enhancement,
        h.gross,
        h.reliefRate,
        h.relief,
        h.grant,
        h.net,
        h.paid,
        h.balance,
        h.balance > 0 ? "补缴" : h.balance < 0 ? "退还" : "已结清",
      ]);
    });
    expect(rows[4].slice(3, 13)).toEqual([
      301886.79,
      339622.64,
      358490.57,
      1000000,
      null,
      expected.totals!.relief,
      expected.totals!.grant,
      expected.totals!.net,
      expected.totals!.paid,
      expected.totals!.balance,
    ]);
    const summary = sheetRows(wb, "资金汇总");
    expect(summary.find((x) => x[0] === "财政补助 F = min(F0, 上限)")![1]).toBe(2400000);
    // 0.465992… floored to 0.01%
    expect(summary.find((x) => x[0] === "到位比例")![1]).toBe(0.4659);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["政策参数", "项目信息", "住户", "加装电梯", "测算结果", "资金汇总", "计算说明"]);
  });

  test("the bundled example gives the same JSON through the workbook as through the JSON file", async () => {
    const book = path.join(dir, "example.xlsx");
    expect((await template(book, "--example")).code).toBe(0);
    const json = path.join(dir, "example.json");
    expect((await calc(book, "--out", json)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, "utf8"))).toEqual(engineJson(EXAMPLE_INPUT));
    // Without --out the JSON goes to stdout.
    const r = await calc(book);
    expect(JSON.parse(r.out)).toEqual(engineJson(EXAMPLE_INPUT));
  });

  test("keeps the input sheets' values, replaces earlier outputs, and never touches the input file", async () => {
    const book = path.join(dir, "keep.xlsx");
    await writeBook(book, SMALL, { "costs.basic": 2100000 });
    const before = fs.readFileSync(book);
    const first = path.join(dir, "keep-1.xlsx");
    expect((await calc(book, "--out", first)).code).toBe(0);
    expect(fs.readFileSync(book).equals(before)).toBe(true);
    // Run again on the produced workbook: outputs replaced, not duplicated; inputs as they were.
    const second = path.join(dir, "keep-2.xlsx");
    expect((await calc(first, "--out", second)).code).toBe(0);
    const a = await openBook(book);
    const b = await openBook(second);
    for (const name of ["政策参数", "项目信息", "住户"]) expect(sheetRows(b, name)).toEqual(sheetRows(a, name));
    expect(b.worksheets.map((w) => w.name)).toEqual(["政策参数", "项目信息", "住户", "加装电梯", "测算结果", "资金汇总", "计算说明"]);
    const summary = sheetRows(b, "资金汇总");
    expect(String(summary[1][0])).toContain("测算阶段：决算");
    expect(summary.find((x) => x[0] === "总投资 T（不含加装电梯）")!.slice(1, 4)).toEqual([3500000, 2100000, -1400000]);
    expect(sheetRows(b, "计算说明").find((x) => x[0] === "读取行数")?.[1]).toBe("政策参数 22 行；项目信息 10 行；住户 3 户");
  });

  test("reads a sheet without an Excel table, its header below a title row", async () => {
    const book = path.join(dir, "no-table.xlsx");
    await writeBook(book, SMALL);
    await editBook(book, (wb) => {
      const old = wb.getWorksheet("住户")!;
      const rows = sheetRows(wb, "住户");
      wb.removeWorksheet(old.id);
      const ws = wb.addWorksheet("住户");
      ws.addRow(["2024年住户名单"]);
      // Columns reordered and renamed with aliases.
      ws.addRow(["面积", "户号", "业主", "已缴", "困难类别", "参与", "同意改造"]);
      for (const r of rows.slice(1)) ws.addRow([r[2], r[0], r[1], r[6], r[5], r[7], r[8]]);
    });
    const json = path.join(dir, "no-table.json");
    expect((await calc(book, "--out", json)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, "utf8"))).toEqual(engineJson(SMALL));
  });

  test("writes the template with tables, formats, drop-downs and frozen headers", async () => {
    const book = path.join(dir, "template.xlsx");
    expect((await template(book)).code).toBe(0);
    const wb = await openBook(book);
    const h = wb.getWorksheet("住户")!;
    expect(Object.keys((h as unknown as { tables: object }).tables)).toEqual(["HouseholdTable"]);
    expect(h.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(h.getCell("H2").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(h.getCell("I500").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(h.getCell("F2").dataValidation.formulae[0]).toContain("特困供养人员");
    expect(h.getCell("G2").numFmt).toBe("#,##0.00");
    expect(sheetRows(wb, "项目信息").map((r) => r[0])).toEqual([
      "字段",
      "name",
      "area",
      "costs.basic",
      "costs.improvement",
      "costs.enhancement",
      "socialCapital",
      "elevatorCost",
      // Optional rows printed on the payment notices (缴费通知).
      "paymentAccount",
      "paymentDeadline",
      "officerContact",
    ]);
    // An existing file is never replaced without --force.
    const again = await template(book);
    expect(again.code).toBe(2);
    expect(again.err).toContain("文件已存在");
    expect((await template(book, "--force", "--example")).code).toBe(0);
  });
});
