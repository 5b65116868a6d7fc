/**
 * One support matrix: src/taskpane/support.ts. The README (English) and the 用户手册 (Chinese) carry it
 * rendered, between their `support` markers; the pane's notes name the same versions.
 */
import fs from "fs";
import path from "path";
import { SUPPORT_MATRIX, missingNotes, supportMatrixMarkdown, tooOldText } from "../../src/taskpane/support";

const ROOT = path.resolve(__dirname, "../..");
const block = (file: string) => {
  const s = fs.readFileSync(path.join(ROOT, file), "utf8");
  const m = /<!-- BEGIN support[^>]*-->\n([\s\S]*?)\n<!-- END support -->/.exec(s);
  if (m === null) throw new Error(`${file} has no support matrix between its markers`);
  return m[1];
};

describe("the support matrix", () => {
  it("is the same table in the README (en) and the 用户手册 (zh), generated from support.ts", () => {
    expect(block("README.md")).toBe(supportMatrixMarkdown("en"));
    expect(block("docs/用户手册.md")).toBe(supportMatrixMarkdown("zh"));
  });

  it("covers 2016, 2019, 2021 / 2024 LTSC, Microsoft 365, Mac, the web and WPS", () => {
    const names = SUPPORT_MATRIX.map((r) => r.excel.en).join("\n");
    for (const v of ["Excel 2016 volume-licensed", "Excel 2019 volume-licensed", "Excel 2021 LTSC", "Excel 2024 LTSC", "Microsoft 365", "Mac", "on the web", "WPS"])
      expect([v, names.includes(v)]).toEqual([v, true]);
    // Excel 2021 LTSC runs the functions (SharedRuntime and CustomFunctionsRuntime from 2108): never "cannot load".
    const ltsc = SUPPORT_MATRIX.find((r) => r.excel.en.startsWith("Excel 2021 LTSC"))!;
    expect(ltsc.functions.en).toBe("yes");
  });

  it("gives the pane's notes and its too-old message the matrix's advice, not the old 版本过旧 one", () => {
    const notes = missingNotes({ excelApiMinor: 1, customFunctions: false }, { suspendCalculation: false, suspendScreenUpdating: false, freezePanes: false, dataValidation: false, columnWidths: false, pageLayout: false }, "zh");
    expect(notes[0]).toContain("Excel 2021 / 2024 LTSC、Microsoft 365");
    expect(notes[1]).toBe("本 Excel（ExcelApi 1.1）不支持：冻结表头、下拉列表、列宽、打印设置（A4、每页重复表头）。测算结果不受影响，可在 Excel 中手动设置。");
    expect(missingNotes({ excelApiMinor: 14, customFunctions: true }, { suspendCalculation: true, suspendScreenUpdating: true, freezePanes: true, dataValidation: true, columnWidths: true, pageLayout: true }, "zh")).toEqual([]);
    for (const lang of ["zh", "en"] as const) {
      expect(tooOldText(lang)).not.toMatch(/版本过旧|too old/);
      expect(tooOldText(lang)).toContain("2016");
    }
  });
});
