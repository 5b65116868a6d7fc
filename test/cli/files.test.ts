/**
 * Issue 10's adversarial list, on the command line: every item is exit 2 with a message naming the
 * file (or where in it), nothing written, the input untouched — never exit 1 with a stack trace.
 * JSON: duplicate keys anywhere (policy included), bytes that are not UTF-8. Files: .xls, .xlsb, .ods,
 * .csv (named as such or renamed .xlsx), HTML tables saved as “.xls”, truncated zips, zip bombs refused
 * before unpacking. Paths: --out equal to an input (single and batch, through links), a batch folder
 * with a broken link or a sub-folder named .xlsx. And a far-away stray cell does not make a read hang.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { calculate, parseStrictJson, invalidUtf8At, toOutputJson } from "../../src/engine";
import { EXAMPLE_INPUT } from "../../src/workbook";
import { ZIP_LIMITS, calculateBook, crc32, writeZip } from "../../src/xlsx";
import { SMALL, calc, editBook, tempDir, writeBook } from "../xlsx/helpers";

const dir = tempDir("reno-files-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The engine's result for an input (the oracle). */
function oracle(input: unknown) {
  const r = calculate(input);
  if (!r.ok) throw new Error("invalid oracle input");
  return r.value;
}

const PROJECT = { name: "测试", area: 8000, costs: { basic: 2000000, improvement: 1000000, enhancement: 500000 } };

/** calc with --out: exit 2, the message has every `parts`, nothing written, the input unchanged. */
async function refused(input: string, parts: string[], out = path.join(dir, `never-${Date.now()}.xlsx`)): Promise<string> {
  const before = fs.existsSync(input) && fs.statSync(input).isFile() ? fs.readFileSync(input) : undefined;
  const r = await calc(input, "--out", out);
  expect(r.code).toBe(2);
  for (const p of parts) expect(r.err).toContain(p);
  expect(r.err).not.toContain("内部错误");
  expect(fs.existsSync(out)).toBe(false);
  if (before !== undefined) expect(fs.readFileSync(input).equals(before)).toBe(true);
  return r.err;
}

describe("strict JSON input", () => {
  const json = (name: string, text: string | Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };

  test("a key twice in an object is refused with its path and both lines (project.area)", async () => {
    const f = json(
      "dup-area.json",
      '{\n  "project": {\n    "name": "测试",\n    "area": 8000,\n    "area": 9000,\n    "costs": {"basic": 1, "improvement": 0, "enhancement": 0}\n  }\n}\n',
    );
    const err = await refused(
      f,
      ["project.area: JSON 中键“area”出现两次（第 4 行和第 5 行）", 'the key "area" appears twice in the JSON (lines 4 and 5)'],
      path.join(dir, "o.json"),
    );
    expect(err.split("\n").filter((l) => l.startsWith("  "))).toHaveLength(1);
  });

  test("a policy key twice is refused too, and so is a duplicate deep in a household", async () => {
    const text = JSON.stringify({ policy: { base: "default", "cap.perSqm": 200 }, project: PROJECT, households: [{ id: "1", area: 88 }] })
      .replace('"cap.perSqm":200', '"cap.perSqm":200,"cap.perSqm":300')
      .replace('"area":88', '"area":88,"area":90');
    const err = await refused(
      json("dup-policy.json", text),
      ['policy["cap.perSqm"]', "households[0].area"].map((p) => p.replace('["cap.perSqm"]', ".cap.perSqm")),
      path.join(dir, "o.json"),
    );
    expect(err).toContain("“cap.perSqm”出现两次");
  });

  test("the parser gives JSON.parse's values and refuses what JSON.parse refuses", () => {
    const samples = ['{"a":[1,2.5,-0,1e3,"x\\n\\u4e2d"],"b":{"c":null,"d":true,"e":false}}', '"s"', "[]", '{"__proto__":{"x":1}}'];
    for (const s of samples) expect(parseStrictJson(s)).toEqual({ ok: true, value: JSON.parse(s) });
    for (const s of ["{", "[1,]", '{"a":1,}', "01", "'a'", '{"a":1} x', "NaN", '"\t"']) {
      expect(() => JSON.parse(s)).toThrow();
      const r = parseStrictJson(s);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0].code).toBe("json.syntax");
    }
  });

  test("a syntax error names line and column", () => {
    const r = parseStrictJson('{\n  "project": {\n    "area": 8000,\n  }\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].zh).toBe('不是有效的 JSON：第 4 行第 3 列应为“"”，实为 "}"');
  });

  test("bytes that are not UTF-8 are refused naming the byte (GBK hinted), UTF-16 named as such", async () => {
    const gbk = Buffer.concat([Buffer.from('{"project": {"name": "'), Buffer.from([0xba, 0xe7, 0xc7, 0xc5]), Buffer.from('", "area": 1}}')]); // 虹桥 in GBK
    await refused(json("gbk.json", gbk), ["文件不是有效的 UTF-8 文本（第 23 字节起）", "GBK/GB18030", "from byte 23"], path.join(dir, "o.json"));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify({ project: PROJECT }), "utf16le")]);
    await refused(json("utf16.json", utf16), ["UTF-16", "save it as UTF-8"], path.join(dir, "o.json"));
    // Overlong, surrogate and truncated sequences.
    expect(
      [
        [0xc0, 0x80],
        [0xed, 0xa0, 0x80],
        [0x41, 0xe4, 0xb8],
        [0xf4, 0x90, 0x80, 0x80],
      ].map((b) => invalidUtf8At(Uint8Array.from(b))),
    ).toEqual([0, 0, 1, 0]);
    expect(invalidUtf8At(Buffer.from("中文 ok 😀"))).toBe(-1);
  });

  test("a UTF-8 BOM is fine", async () => {
    const f = json("bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ project: PROJECT }))]));
    const r = await calc(f);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(toOutputJson(oracle({ project: PROJECT })))));
  });
});

describe("files that are not a readable .xlsx say what they are and what to do", () => {
  const file = (name: string, bytes: Buffer | string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, bytes);
    return f;
  };
  const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

  test.each([
    ["data.xls", Buffer.concat([CFB, Buffer.alloc(504), Buffer.from("Workbook", "utf16le")]), ["旧版 .xls 文件", "另存为 .xlsx", "legacy .xls"]],
    ["data.csv", "房号,建筑面积\n1-101,88.5\n", ["这是 CSV/文本文件", "CSV/text file"]],
    ["renamed-csv.xlsx", "房号\t建筑面积\n1-101\t88.5\n", ["这是 CSV/文本文件"]],
    ["export.xls", "<html><body><table><tr><td>房号</td></tr></table></body></html>", ["网页（HTML）格式的表格", "web page (HTML)"]],
    ["xml2003.xls", '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>', ["XML 电子表格 2003"]],
  ])("%s", async (name, bytes, parts) => {
    const f = file(name, bytes);
    await refused(f, [f, ...parts]);
  });

  test("an .xlsb (zip holding xl/workbook.bin) and an .ods (zip with an OpenDocument mimetype)", async () => {
    const ct =
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>';
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>';
    const xlsb = writeZip([
      { name: "[Content_Types].xml", data: Buffer.from(ct) },
      { name: "_rels/.rels", data: Buffer.from(rels) },
      { name: "xl/workbook.bin", data: Buffer.alloc(16) },
    ]);
    await refused(file("book.xlsb", Buffer.from(xlsb)), ["Excel 二进制工作簿（.xlsb）", "*.xlsx"]);
    const ods = writeZip([
      { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet") },
      { name: "content.xml", data: Buffer.from("<x/>") },
    ]);
    await refused(file("book.ods", Buffer.from(ods)), ["OpenDocument 电子表格（.ods）", "另存为"]);
    await refused(file("renamed-ods.xlsx", Buffer.from(ods)), ["OpenDocument 电子表格（.ods）"]);
  });

  test("a truncated workbook (a copy cut short) and one with a broken part", async () => {
    const good = path.join(dir, "good.xlsx");
    await writeBook(good, SMALL);
    const bytes = fs.readFileSync(good);
    await refused(file("cut.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2))), ["文件不完整", "incomplete"]);
    // The central directory intact but a part's data overwritten: the part is named.
    const broken = Buffer.from(bytes);
    broken.fill(0x41, 200, 260);
    const err = await refused(file("broken.xlsx", broken), ["cannot"]);
    expect(err).toMatch(/damaged|无法读取|已损坏/);
  });
});

/** A zip whose directory declares these unpacked sizes for small entries (nothing real behind them). */
function declaredZip(entries: number, declared: number): Buffer {
  const zip = Buffer.from(writeZip(Array.from({ length: entries }, (_, i) => ({ name: `xl/p${i}.xml`, data: Buffer.from("<a/>") }))));
  // Patch each central directory record's unpacked size (offset 24).
  for (let p = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) - 1; p >= 0; p--) {
    if (zip.readUInt32LE(p) === 0x02014b50) zip.writeUInt32LE(declared, p + 24);
  }
  return zip;
}

describe("zip bombs are refused before anything is unpacked", () => {
  test(`a directory declaring more than ${ZIP_LIMITS.unpacked / 2 ** 20} MiB unpacked`, async () => {
    const f = path.join(dir, "bomb-size.xlsx");
    fs.writeFileSync(f, declaredZip(3, 300 * 2 ** 20)); // 900 MiB declared in 3 entries of a few bytes each
    await refused(f, ["解压后共 900 MiB，超过上限 512 MiB", "zip bomb"]);
  });

  test(`more than ${ZIP_LIMITS.entries} entries`, async () => {
    const f = path.join(dir, "bomb-entries.xlsx");
    fs.writeFileSync(f, declaredZip(ZIP_LIMITS.entries + 1, 4));
    await refused(f, [`含 ${ZIP_LIMITS.entries + 1} 个部件，超过上限 ${ZIP_LIMITS.entries}`]);
  });

  test("a real bomb: 64 MiB of zeros packed into about 64 KiB (ratio past 1000:1)", async () => {
    const zeros = Buffer.alloc(64 * 2 ** 20);
    const packed = zlib.deflateRawSync(zeros, { level: 9 });
    expect(zeros.length / packed.length).toBeGreaterThan(ZIP_LIMITS.ratio);
    // A hand-made zip holding that one deflated entry with honest sizes.
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(zeros), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(zeros.length, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc32(zeros), 16);
    cd.writeUInt32LE(packed.length, 20);
    cd.writeUInt32LE(zeros.length, 24);
    cd.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + packed.length, 16);
    const f = path.join(dir, "bomb-ratio.xlsx");
    fs.writeFileSync(f, Buffer.concat([local, name, packed, cd, name, end]));
    await refused(f, ["xl/worksheets/sheet1.xml 的压缩比为", "超过上限 1000:1"]);
  });

  test("an entry that unpacks past the size its header declares is stopped at that size", async () => {
    const good = path.join(dir, "liar-src.xlsx");
    await writeBook(good, SMALL);
    const zip = fs.readFileSync(good);
    // Declare every entry 10 bytes long: the first part read overflows and is refused.
    for (let p = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) - 1; p >= 0; p--) {
      if (zip.readUInt32LE(p) === 0x02014b50) zip.writeUInt32LE(10, p + 24);
    }
    const f = path.join(dir, "liar.xlsx");
    fs.writeFileSync(f, zip);
    await refused(f, ["past its declared size"]);
  });
});

describe("--out and the inputs", () => {
  test("single mode: --out through a link to the input (or to its folder) is refused", async () => {
    const book = path.join(dir, "self.xlsx");
    await writeBook(book, SMALL);
    const before = fs.readFileSync(book);
    const link = path.join(dir, "self-link.xlsx");
    fs.symlinkSync(book, link);
    const folderLink = path.join(dir, "dir-link");
    fs.symlinkSync(dir, folderLink);
    for (const out of [link, path.join(folderLink, "self.xlsx")]) {
      const r = await calc(book, "--out", out);
      expect(r.code).toBe(2);
      expect(r.err).toContain("输出文件不能是输入文件");
    }
    expect(fs.readFileSync(book).equals(before)).toBe(true);
  });

  test("batch mode: --out naming any input of the folder (also through a link) is refused, nothing read or written", async () => {
    const folder = path.join(dir, "batch-out");
    fs.mkdirSync(folder);
    await writeBook(path.join(folder, "a.xlsx"), SMALL);
    await writeBook(path.join(folder, "b.xlsx"), SMALL);
    const before = fs.readFileSync(path.join(folder, "b.xlsx"));
    for (const out of [path.join(folder, "b.xlsx"), path.join(folder, "B.XLSX").replace("B.XLSX", "b.xlsx")]) {
      const r = await calc(folder, "--out", out);
      expect(r.code).toBe(2);
      expect(r.err).toContain("输出文件不能是文件夹中的输入工作簿");
    }
    const link = path.join(dir, "to-b.xlsx");
    fs.symlinkSync(path.join(folder, "b.xlsx"), link);
    expect((await calc(folder, "--out", link)).err).toContain("输出文件不能是文件夹中的输入工作簿");
    expect((await calc(folder, "--out", path.join(folder, "b.json"))).code).toBe(0); // a JSON summary beside them is fine
    expect(fs.readFileSync(path.join(folder, "b.xlsx")).equals(before)).toBe(true);
  });

  test("batch mode: a summary written before into the folder is not an input and is replaced", async () => {
    const folder = path.join(dir, "batch-again");
    fs.mkdirSync(folder);
    await writeBook(path.join(folder, "a.xlsx"), SMALL);
    const out = path.join(folder, "summary.xlsx");
    expect((await calc(folder, "--out", out)).code).toBe(0);
    const r = await calc(folder, "--out", out);
    expect(r).toMatchObject({ code: 0 });
    expect(r.err).toContain("1 个工作簿，1 个已测算");
  });

  test("a batch folder with a broken link and a sub-folder named .xlsx: each reported in its row, the others calculated", async () => {
    const folder = path.join(dir, "batch-odd");
    fs.mkdirSync(folder);
    await writeBook(path.join(folder, "a.xlsx"), SMALL);
    fs.symlinkSync(path.join(folder, "gone.xlsx"), path.join(folder, "link.xlsx"));
    fs.mkdirSync(path.join(folder, "archive.xlsx"));
    fs.writeFileSync(path.join(folder, "old.xls"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    const out = path.join(dir, "odd.json");
    const r = await calc(folder, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain("内部错误");
    const rows = JSON.parse(fs.readFileSync(out, "utf8")) as { file: string; ok: boolean; message?: string }[];
    expect(rows.map((x) => [x.file, x.ok, x.message?.split(" / ")[0]])).toEqual([
      ["a.xlsx", true, undefined],
      ["archive.xlsx", false, "这是一个文件夹，不是工作簿"],
      ["link.xlsx", false, "这是一个失效的快捷方式（符号链接指向的文件不存在）"],
      ["old.xls", false, "这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx"],
    ]);
  });

  test("single mode: a broken link or a folder given as the input", async () => {
    const link = path.join(dir, "dangling.xlsx");
    fs.symlinkSync(path.join(dir, "nothing-here.xlsx"), link);
    await refused(link, ["失效的快捷方式"]);
  });
});

describe("reading scales with the cells that hold data", () => {
  test("a format on XFD1048576 and a stray value far away: the read finishes (no used-range walk)", async () => {
    const book = path.join(dir, "far.xlsx");
    await writeBook(book, EXAMPLE_INPUT);
    await editBook(book, (wb) => {
      const h = wb.getWorksheet("住户")!;
      h.getCell("XFD1048576").numFmt = "0.00"; // a format on the last cell of the sheet
      h.getCell("XFD1048576").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
      wb.getWorksheet("项目信息")!.getCell("XFD1048575").value = " "; // a blank-looking stray value
    });
    const r = await calculateBook("far.xlsx", fs.readFileSync(book));
    expect(r.ok).toBe(true);
    if (r.ok) expect(toOutputJson(r.read.result)).toEqual(toOutputJson(oracle(EXAMPLE_INPUT)));
  });

  test("a stray value on the last row below the households is read as what it is, without hanging", async () => {
    const book = path.join(dir, "far-value.xlsx");
    await writeBook(book, SMALL);
    await editBook(book, (wb) => {
      wb.getWorksheet("住户")!.getCell("A1048576").value = "备注：完";
    });
    const r = await calculateBook("far-value.xlsx", fs.readFileSync(book));
    // A blank row separates it from the table: it is not a household.
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.read.result.households).toHaveLength(3);
  });
});
