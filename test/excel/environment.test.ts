import { MIN_EXCEL_API, OfficeLike, checkExcel, detectAbilities, detectFeatures, languageOf } from "../../src/excel/environment";
import { createFakeOffice } from "./fake-excel";

const office = (o: Parameters<typeof createFakeOffice>[0]) => createFakeOffice(o).Office as unknown as OfficeLike;

describe("checkExcel", () => {
  it("is ready in Excel with the minimum API, speaking the display language", async () => {
    expect(await checkExcel(office({ displayLanguage: "en-GB", excelApiMinor: 14 }))).toEqual({
      kind: "ready",
      lang: "en",
      features: {
        columnWidths: true,
        suspendCalculation: true,
        freezePanes: true,
        dataValidation: true,
        suspendScreenUpdating: true,
        pageLayout: true,
        sheetVisibility: true,
      },
      abilities: { excelApiMinor: 14, customFunctions: true },
    });
  });

  it("detects Excel 2016 volume-licensed (ExcelApi 1.1) as usable, without the newer API", async () => {
    const r = await checkExcel(office({ excelApiMinor: 1 }));
    expect(r).toEqual({
      kind: "ready",
      lang: "zh",
      features: {
        columnWidths: false,
        suspendCalculation: false,
        freezePanes: false,
        dataValidation: false,
        suspendScreenUpdating: false,
        pageLayout: false,
        sheetVisibility: false,
      },
      abilities: { excelApiMinor: 1, customFunctions: true },
    });
  });

  it("tells Excel 2016 / 2019 volume-licensed (no shared runtime) from an Excel with the RENO.* functions", async () => {
    const r = await checkExcel(office({ excelApiMinor: 8, sharedRuntime: false }));
    expect(r.kind === "ready" && r.abilities).toEqual({ excelApiMinor: 8, customFunctions: false });
    expect(detectAbilities((name, v) => name === "ExcelApi" && ["1.1", "1.2", "1.10"].includes(v))).toEqual({ excelApiMinor: 2, customFunctions: false });
  });

  it("says Excel is too old below ExcelApi " + MIN_EXCEL_API, async () => {
    expect(MIN_EXCEL_API).toBe("1.1");
    expect(await checkExcel(office({ excelApiMinor: 0 }))).toEqual({ kind: "too-old", lang: "zh" });
  });

  it("says it is not Excel when Office reports another host or none", async () => {
    expect(await checkExcel(office({ host: "Word" }))).toEqual({ kind: "not-excel", lang: "zh", host: "Word" });
    expect(await checkExcel(office({ host: null }))).toEqual({ kind: "not-excel", lang: "zh", host: null });
  });

  it("gives up waiting for Office.onReady outside Office, instead of hanging", async () => {
    const never: OfficeLike = { onReady: () => new Promise(() => undefined) };
    expect(await checkExcel(never, 20)).toEqual({ kind: "not-excel", lang: "zh", host: null });
  });

  it("reports a missing office.js", async () => {
    expect((await checkExcel(undefined)).kind).toBe("no-office");
  });
});

describe("languageOf and detectFeatures", () => {
  it.each([
    ["en-US", "en"],
    ["EN-gb", "en"],
    ["zh-CN", "zh"],
    ["zh-TW", "zh"],
    ["fr-FR", "zh"],
    [undefined, "zh"],
  ])("reads display language %s as %s", (l, lang) => {
    expect(languageOf(l)).toBe(lang);
  });

  it("treats a requirement check that throws as unsupported", () => {
    expect(
      detectFeatures(() => {
        throw new Error("no requirements API");
      }),
    ).toEqual({
      columnWidths: false,
      suspendCalculation: false,
      freezePanes: false,
      dataValidation: false,
      suspendScreenUpdating: false,
      pageLayout: false,
      sheetVisibility: false,
    });
  });
});
