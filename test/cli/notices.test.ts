/**
 * `reno calc book.xlsx --notices notices.xlsx [--per-page 2|4]` (src/cli/notices.ts): the payment notices
 * of a workbook in their own file; with --out the result workbook too; invalid input writes nothing;
 * the options are checked (exit 2 with the usage's words). 计算说明 of --out carries the input's SHA-256.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { SMALL, calc, openBook, sheetRows, tempDir, writeBook } from "../xlsx/helpers";

const dir = tempDir("reno-notices-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("calc --notices", () => {
  test("writes one notice per household, 2 to a page by default, and says so", async () => {
    const book = path.join(dir, "a.xlsx");
    await writeBook(book, SMALL);
    const out = path.join(dir, "a-notices.xlsx");
    const r = await calc(book, "--notices", out);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`已生成 3 份缴费通知单（每页 2 份）：${out}`);
    expect(r.out).toBe(""); // no JSON on stdout when only notices are asked for
    const wb = await openBook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["缴费通知"]);
    const rows = sheetRows(wb, "缴费通知");
    expect(rows.filter((x) => x[0] === "房号").map((x) => x[1])).toEqual(["1-101", "1-102", "1-103"]);
    const ws = wb.getWorksheet("缴费通知")!;
    expect([ws.pageSetup.paperSize, ws.pageSetup.orientation]).toEqual([9, "portrait"]);
    // 3 notices, 2 to a page: one manual break (exceljs does not read breaks back: the sheet's XML).
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="\d+" max="\d+" man="1"\/><\/rowBreaks>/);
  });

  test("writes four to a page, and the result workbook too with --out; 计算说明 carries the input's SHA-256", async () => {
    const book = path.join(dir, "b.xlsx");
    await writeBook(book, SMALL);
    const notices = path.join(dir, "b-notices.xlsx");
    const result = path.join(dir, "b-result.xlsx");
    const r = await calc(book, "--notices", notices, "--per-page", "4", "--out", result);
    expect(r.code).toBe(0);
    const sheet = (await openBook(notices)).getWorksheet("缴费通知")!;
    expect(sheet.columnCount).toBe(10); // two notices side by side
    const audit = sheetRows(await openBook(result), "计算说明");
    const digest = createHash("sha256").update(fs.readFileSync(book)).digest("hex");
    expect(audit.find((x) => x[0] === "SHA-256")?.[1]).toBe(digest);
    expect(audit.find((x) => x[0] === "输入文件")?.[1]).toBe("b.xlsx");
    expect(audit.find((x) => x[0] === "程序及版本")?.[1]).toMatch(/^reno-funding \d+\.\d+\.\d+（命令行）$/);
  });

  test("writes nothing for an invalid workbook (exit 2, the cell named)", async () => {
    const book = path.join(dir, "bad.xlsx");
    await writeBook(book, { ...SMALL, households: [{ ...SMALL.households![0], area: -1 }] });
    const out = path.join(dir, "bad-notices.xlsx");
    const r = await calc(book, "--notices", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("住户!C2");
    expect(fs.existsSync(out)).toBe(false);
  });

  test.each([
    [["--per-page", "3"], "--per-page 应为 2 或 4，实为“3”"],
    [["--per-page", "4"], "--per-page 只能与 --notices 一起使用"],
    [["--notices", "notices.json"], "缴费通知单应写入 .xlsx 文件"],
  ])("refuses %j (exit 2)", async (args, message) => {
    const book = path.join(dir, "c.xlsx");
    await writeBook(book, SMALL);
    const full =
      args[0] === "--per-page" && args[1] === "3"
        ? ["--notices", path.join(dir, "n.xlsx"), ...args]
        : args.map((a) => (a.endsWith(".json") ? path.join(dir, a) : a));
    const r = await calc(book, ...full);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  test("refuses a folder or a JSON input: notices are per project", async () => {
    const json = path.join(dir, "p.json");
    fs.writeFileSync(json, JSON.stringify(SMALL));
    const r = await calc(json, "--notices", path.join(dir, "p.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("--notices 需要一个项目的工作簿（.xlsx）");
    const r2 = await calc(dir, "--notices", path.join(dir, "q.xlsx"));
    expect(r2.code).toBe(2);
  });
});
