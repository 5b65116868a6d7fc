import * as fs from "fs";
import * as path from "path";
import { SMALL, calc, editBook, tempDir, writeBook } from "./helpers";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs calc on `book` with --out and checks: exit 2, nothing written, input unchanged. Returns stderr. */
async function rejects(book: string): Promise<string> {
  const before = fs.readFileSync(book);
  const out = path.join(dir, `${path.basename(book)}-out.xlsx`);
  const r = await calc(book, "--out", out);
  expect(r.code).toBe(2);
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  expect(fs.readFileSync(book).equals(before)).toBe(true);
  return r.err;
}

describe("calc on a bad workbook", () => {
  test("lists every invalid cell with Sheet!Cell and writes nothing", async () => {
    const book = path.join(dir, "cells.xlsx");
    await writeBook(book, SMALL);
    await editBook(book, (wb) => {
      const h = wb.getWorksheet("住户")!;
      h.getCell("C2").value = "八十八";
      h.getCell("C3").value = -70;
      h.getCell("F4").value = "孤寡老人";
      h.getCell("A4").value = "1-101";
      wb.getWorksheet("项目信息")!.getCell("C4").value = "两百万";
    });
    const err = await rejects(book);
    expect(err.split("\n").filter((l) => l.startsWith("  "))).toEqual([
      '  项目信息!C4: 应为数字，实为 "两百万"（按概算列测算：决算列未填写费用） / expected a number, found "两百万" (computing the 概算 column: no 决算 cost is filled)',
      '  住户!C2: 应为数字，实为 "八十八" / expected a number, found "八十八"',
      "  住户!C3: 面积必须大于0，实为 -70 / area must be greater than 0, found -70",
      expect.stringMatching(/^ {2}住户!F4: 未知的困难类别“孤寡老人”/),
    ]);
    expect(err).toContain("输入有误：");
    expect(err).toContain(" / invalid input: ");
  });

  test("reports a duplicate id at its cell, naming the first row's cell", async () => {
    const book = path.join(dir, "dup.xlsx");
    await writeBook(book, SMALL);
    await editBook(book, (wb) => {
      wb.getWorksheet("住户")!.getCell("A4").value = "1-101";
    });
    expect(await rejects(book)).toContain("住户!A4: 房号重复：1-101（与 住户!A2 相同");
  });

  test("names a missing sheet and the sheets that are there", async () => {
    const book = path.join(dir, "no-households.xlsx");
    await writeBook(book, SMALL);
    await editBook(book, (wb) => wb.removeWorksheet(wb.getWorksheet("住户")!.id));
    const err = await rejects(book);
    expect(err).toContain("住户: 缺少工作表“住户”（现有：政策参数、项目信息、加装电梯）");
    expect(err).toContain('sheet "住户" is missing');
  });

  test("names a missing column with the sheet and the header expected", async () => {
    const book = path.join(dir, "no-area.xlsx");
    await writeBook(book, SMALL);
    await editBook(book, (wb) => {
      const h = wb.getWorksheet("住户")!;
      h.getCell("C1").value = "面积说明";
    });
    expect(await rejects(book)).toContain("住户: 工作表“住户”缺少列“建筑面积”");
  });

  test.each([
    ["a CSV file named .xlsx", Buffer.from("房号,面积\n1-101,88.5\n"), "这是 CSV/文本文件，不是 Excel 工作簿"],
    ["a text file", Buffer.from("just some notes\n"), "不是 Excel 工作簿（.xlsx）"],
    ["an empty file", Buffer.alloc(0), "文件为空"],
    ["a damaged zip", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]), "文件不完整（ZIP 结构的结尾缺失"],
    // An encrypted .xlsx is an OLE compound file with an EncryptionInfo stream (MS-OFFCRYPTO).
    [
      "a password-protected workbook",
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
        Buffer.from("EncryptionInfo", "utf16le"),
        Buffer.alloc(64),
      ]),
      "工作簿设有打开密码",
    ],
    [
      "a legacy .xls workbook",
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("Workbook", "utf16le")]),
      "旧版 .xls",
    ],
  ])("gives %s its own clear message", async (_what, bytes, message) => {
    const book = path.join(dir, `file-${message.length}-${bytes.length}.xlsx`);
    fs.writeFileSync(book, bytes);
    const err = await rejects(book);
    expect(err).toContain(message);
    expect(err.split("\n").filter((l) => l !== "")).toHaveLength(1);
  });

  test("refuses to write the result over the input workbook", async () => {
    const book = path.join(dir, "self.xlsx");
    await writeBook(book, SMALL);
    const before = fs.readFileSync(book);
    const r = await calc(book, "--out", book);
    expect(r.code).toBe(2);
    expect(r.err).toContain("输出文件不能是输入文件");
    expect(fs.readFileSync(book).equals(before)).toBe(true);
  });

  test("refuses an output that is neither .xlsx nor .json", async () => {
    const book = path.join(dir, "ok.xlsx");
    await writeBook(book, SMALL);
    const r = await calc(book, "--out", path.join(dir, "x.csv"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("--out must be a .xlsx or .json file");
  });
});
