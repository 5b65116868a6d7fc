/**
 * 加装电梯 through the command line: the worked example of elevator-rules.md §8 on JSON and on a
 * standard workbook (.xlsx → 电梯分摊), and bad elevator input: exit 2 with every place named,
 * nothing written.
 */
import * as fs from "fs";
import * as path from "path";
import { calculate } from "../../src/engine";
import { programmeProjects } from "../../src/cli/example-programme";
import { calc, editBook, openBook, sheetRows, tempDir, writeBook } from "../xlsx/helpers";
import { WORKED_ELEVATOR, WORKED_SHARES } from "../support/elevator-worked";

const dir = tempDir("reno-elevator-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("reno calc with elevators", () => {
  test("on JSON: the §8 worked example to the fen, with how the subsidy was found", async () => {
    const input = path.join(dir, "worked.json");
    fs.writeFileSync(input, JSON.stringify(WORKED_ELEVATOR));
    const r = await calc(input);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.elevators[0]).toMatchObject({
      unit: "1幢1单元",
      storeys: 6,
      cost: 650000,
      ownersPart: 360000,
      subsidy: {
        amount: 260000,
        mode: "rate",
        formula: "G = min(round(0.4 × 650,000.00), 280,000.00, 650,000.00)",
        rule: { zh: "按造价 40%，上限 280,000.00 元/台" },
      },
      totals: { share: 360000 },
    });
    expect(out.households.map((h: { elevator: { share: number } }) => h.elevator.share)).toEqual(WORKED_SHARES);
    // Elevators never change the project: T = 100,000; the elevator cost is reported apart.
    expect(out.project).toMatchObject({ totalInvestment: 100000, elevatorCost: 650000 });
  });

  test("on the bundled example: two elevators with their approved subsidies", async () => {
    const r = await calc(path.resolve(__dirname, "../../examples/hongqiao-xincun.json"));
    const out = JSON.parse(r.out);
    // 1幢1单元: 310,000 − 124,000 − 20,000 = 166,000.00; 1幢2单元: 290,000 − 116,000 − 18,000 − 6,000 = 150,000.00
    expect(out.elevators.map((e: { unit: string; ownersPart: number; subsidy: { approved: boolean } }) => [e.unit, e.ownersPart, e.subsidy.approved])).toEqual([
      ["1幢1单元", 166000, true],
      ["1幢2单元", 150000, true],
    ]);
    expect(out.elevatorTotals).toMatchObject({ elevators: 2, households: 20, cost: 600000, subsidy: 240000, ownersPart: 316000 });
    expect(out.unitsWithoutElevator).toEqual([
      { unit: "2幢1单元", households: 10 },
      { unit: "2幢2单元", households: 10 },
    ]);
  });

  test("on a workbook: 电梯分摊 holds the §8 shares, and its 小计 equals P", async () => {
    const book = path.join(dir, "worked.xlsx");
    await writeBook(book, WORKED_ELEVATOR);
    const out = path.join(dir, "worked-result.xlsx");
    expect((await calc(book, "--out", out)).code).toBe(0);
    const wb = await openBook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["政策参数", "项目信息", "住户", "加装电梯", "测算结果", "电梯分摊", "资金汇总", "计算说明"]);
    const rows = sheetRows(wb, "电梯分摊");
    expect(rows[5].slice(0, 9)).toEqual(["1幢1单元", 6, 650000, "按造价 40%，上限 280,000.00", 260000, 30000, 0, 360000, 12]);
    const header = rows.findIndex((x) => x[0] === "单元" && x[1] === "楼层");
    expect(rows.slice(header + 1, header + 13).map((x) => x[6])).toEqual(WORKED_SHARES);
    expect(rows[header + 13].slice(6, 7)).toEqual([360000]);
    expect(wb.getWorksheet("电梯分摊")!.getCell("G15").numFmt).toBe("#,##0.00");
  });

  test("a bad workbook: exit 2, every cell named, nothing written", async () => {
    const book = path.join(dir, "bad.xlsx");
    await writeBook(book, WORKED_ELEVATOR);
    await editBook(book, (wb) => {
      wb.getWorksheet("加装电梯")!.getCell("B2").value = 1;
      wb.getWorksheet("住户")!.getCell("N5").value = -3;
    });
    const out = path.join(dir, "bad-result.xlsx");
    const r = await calc(book, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("住户!N5: 金额不能为负数，实为 -3");
    expect(r.err).toContain("加装电梯!B2: 层数应为 2 到 200 之间的整数，实为 1");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("bad JSON: exit 2 with the paths, nothing written", async () => {
    const input = path.join(dir, "bad.json");
    fs.writeFileSync(input, JSON.stringify({ ...WORKED_ELEVATOR, elevators: [{ ...WORKED_ELEVATOR.elevators![0], subsidy: 700000 }] }));
    const out = path.join(dir, "bad.out.json");
    const r = await calc(input, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("elevators[0].subsidy: 核定补助金额 700000.00 元超过造价 650000.00 元 / the approved subsidy 700000.00 exceeds the cost 650000.00");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("example:programme gives four projects elevators: valid, Σ E = the project's elevator cost, a local rule each", () => {
    const withElevators = programmeProjects(2022).filter((p) => p.input.elevators !== undefined);
    expect(withElevators.map((p) => p.file)).toEqual(["01-列东新村.xlsx", "07-城关农行宿舍.xlsx", "13-下洋小区.xlsx", "19-五路街坊.xlsx"]);
    for (const p of withElevators) {
      const r = calculate(p.input);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const x = r.value.elevators!;
      expect(x.totals.cost.equals(r.value.project.elevatorCost)).toBe(true);
      for (const e of x.elevators) expect(e.totals.share).toBe(Number(e.ownersPart.times(100).toFixed(0)));
    }
    expect(withElevators.map((p) => (p.input.policy as Record<string, unknown>)["elevator.subsidy.mode"])).toEqual(["rate", "storeys", "fixed", "fixed"]);
  });
});
