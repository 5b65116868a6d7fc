/**
 * The built task pane (dist/taskpane.html) in headless Chromium at the narrowest pane width (320 px), with
 * the fake Office/Excel of test/excel/fake-excel.ts served in place of office.js: the loader picks the
 * modern (React) bundle; 新建 → 计算 → summary card, the error list and its cell selection, a household id
 * that looks like HTML, English, the not-ready messages, and the defects seen on screen (drop-down width,
 * stale policy panel, unmarked card after a refused run, base-only policy change, dates in the display
 * language, the vote line, long Excel errors). Also an ExcelApi 1.8 host without the shared runtime
 * (Excel 2019 volume-licensed with 1.8, or an updated retail build): every workflow, and a note of what is
 * missing.
 *
 * Needs Debian's chromium (/usr/bin/chromium, `apt-get install -y chromium`) and `npm run build`; without
 * either it prints SKIP and the reason. It never downloads a browser and never uses the network.
 * UPDATE_SCREENSHOTS=1 also writes the 用户手册 screenshots to docs/images/.
 */
import type * as http from "http";
import { EXAMPLE_INPUT } from "../../src/workbook";
import type { BrowserContext } from "playwright-core";
import { baseOf, fakeOfficeScript, fakeState, launch, openPane, routeOffice, serve, shot, skipReason, typeCell } from "./harness";
import {
  baseOnlyChange,
  calculateAndCheckCard,
  createExample,
  expectFits,
  longExcelErrorWraps,
  policyPanelFollowsRuns,
  noticesFourToAPage,
  publicityWithDates,
  refusedRunMarksCard,
  sheetNames,
  voteClausesUnbroken,
} from "./scenarios";

if (skipReason !== undefined) process.stderr.write(`SKIP: browser test of the task pane: ${skipReason}\n`);
const maybe = skipReason === undefined ? describe : describe.skip;

maybe("the task pane in Chromium (modern bundle)", () => {
  let server: http.Server;
  let base: string;
  let context: BrowserContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    server = await serve();
    base = baseOf(server);
    ({ context, close } = await launch());
    await routeOffice(context, base, fakeOfficeScript());
  });

  afterAll(async () => {
    await close?.();
    await new Promise((r) => server?.close(r));
  });

  it("creates the workbook, calculates, and shows the engine's figures on the summary card, all within 320 px", async () => {
    const { page, problems } = await openPane(context, base, { fake: { syncDelayMs: 250 } });
    expect(await page.evaluate(() => (window as unknown as { __renoLoader?: string; __renoPane?: string }).__renoPane)).toBe("modern");
    expect(await page.getByTestId("app").getAttribute("data-pane")).toBe("modern");
    // A full-featured Excel: nothing is missing, no note.
    expect(await page.getByTestId("missing").count()).toBe(0);
    await expectFits(page);
    await createExample(page);
    expect(await sheetNames(page)).toEqual(["Sheet1", "政策参数", "项目信息", "住户", "加装电梯"]);
    // After 新建, the new 政策参数 sheet is the policy shown.
    await page.getByTestId("policy-panel").getByText("来自“政策参数”表（default）").waitFor();
    expect(await page.getByTestId("policy-brief").innerText()).toContain("10% / 30% / 70%");
    expect(await page.getByTestId("policy-brief").innerText()).toContain("补助上限 300 元/m²");

    const run = page.getByTestId("calculate").click();
    // Over a second (the fake's syncs take 250 ms each): the progress indicator shows.
    await page.getByTestId("progress").waitFor({ timeout: 5000 });
    await run;
    await calculateAndCheckCard(page);
    expect(await page.getByTestId("progress").count()).toBe(0);
    expect(await sheetNames(page)).toEqual(["Sheet1", "政策参数", "项目信息", "住户", "加装电梯", "测算结果", "电梯分摊", "资金汇总", "计算说明"]);
    expect(await fakeState<number>(page, "(f) => f.workbook.sheet('资金汇总').charts.length")).toBe(2);
    await voteClausesUnbroken(page);
    await expectFits(page);
    await shot(page, "taskpane-summary.png");
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    await page.close();
  });

  it("keeps the policy drop-down inside a 320 px pane (it was 378 px in Chinese, 494 px in English)", async () => {
    for (const displayLanguage of ["zh-CN", "en-US"]) {
      const { page, problems } = await openPane(context, base, { fake: { displayLanguage } });
      await page.getByTestId("app").waitFor();
      const box = await page.getByTestId("policy").boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
      await expectFits(page);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it("refreshes the policy panel from what 计算 and 检查 used, names the rows that override the base, and follows a base-only change", async () => {
    const { page, problems } = await openPane(context, base);
    await createExample(page);
    await policyPanelFollowsRuns(page);
    await baseOnlyChange(page);
    await expectFits(page);
    await shot(page, "taskpane-policy.png");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("greys the previous card after a refused run, wraps long Excel errors, and takes dates in the display language", async () => {
    const { page, problems } = await openPane(context, base, { fake: { displayLanguage: "zh-CN" } });
    await createExample(page);
    await calculateAndCheckCard(page);
    await refusedRunMarksCard(page);
    await typeCell(page, "住户", "C5", 0);
    await page.getByTestId("calculate").click();
    await page.getByTestId("errors").waitFor({ timeout: 20_000 });
    await expectFits(page);
    await shot(page, "taskpane-stale.png");
    await typeCell(page, "住户", "C5", Number(EXAMPLE_INPUT.households![3].area));
    await publicityWithDates(page);
    await noticesFourToAPage(page);
    await expectFits(page);
    await shot(page, "taskpane-notices.png");
    await longExcelErrorWraps(page);
    await shot(page, "taskpane-excel-error.png");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("lists input problems with their cells, selects a cell on click, writes nothing, and shows HTML-like text literally", async () => {
    const { page, problems } = await openPane(context, base);
    await createExample(page);
    const xss = "<img src=x onerror=alert(1)>";
    await typeCell(page, "住户", "A2", xss);
    await typeCell(page, "住户", "A3", xss);
    await typeCell(page, "住户", "C5", 0);
    await page.evaluate(() => (window as unknown as { __fake: { workbook: { resetCounters(): void } } }).__fake.workbook.resetCounters());
    await page.getByTestId("calculate").click();
    await page.getByTestId("errors").waitFor();
    expect(await page.getByTestId("error-ref").allInnerTexts()).toEqual(["住户!A3", "住户!C5"]);
    const list = await page.getByTestId("errors").innerText();
    expect(list).toContain(`房号重复：${xss}`);
    expect(list).toContain("面积必须大于0，实为 0");
    expect(await page.locator("[data-testid=errors] img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __alerts: unknown[] }).__alerts)).toEqual([]);
    expect(await page.getByTestId("message").innerText()).toContain("发现 2 个输入问题，未写入任何内容");
    expect(await fakeState<unknown[]>(page, "(f) => f.workbook.writes")).toEqual([]);

    await page.getByTestId("error-ref").nth(1).click();
    await page.waitForFunction(() => (window as unknown as { __fake: { workbook: { selection: unknown } } }).__fake.workbook.selection !== null);
    expect(await fakeState(page, "(f) => f.workbook.selection")).toEqual({ sheet: "住户", address: "C5" });
    await expectFits(page);
    await shot(page, "taskpane-errors.png");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("speaks English when Office's display language is English", async () => {
    const { page, problems } = await openPane(context, base, { fake: { displayLanguage: "en-US" } });
    await page.getByTestId("app").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Old-community renovation funding");
    expect(await page.getByTestId("calculate").innerText()).toBe("Calculate / settle");
    await page.getByTestId("policy").selectOption("yueqing-2023");
    await page.getByTestId("policy-panel").getByText("Built-in policy yueqing-2023").waitFor();
    await expectFits(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("runs every workflow on an ExcelApi 1.8 host without the shared runtime, and says what is missing", async () => {
    const { page, problems } = await openPane(context, base, { fake: { excelApiMinor: 8, sharedRuntime: false } });
    expect(await page.evaluate(() => typeof (window as unknown as { CustomFunctions?: unknown }).CustomFunctions)).toBe("undefined");
    const note = await page.getByTestId("missing").innerText();
    expect(note).toContain("自定义函数 RENO.* 和功能区按钮需要 Excel 2021 / 2024 LTSC、Microsoft 365");
    expect(note).toContain("本 Excel（ExcelApi 1.8）不支持：打印设置");
    expect(note).not.toContain("下拉列表");
    await createExample(page);
    // ExcelApi 1.8: the drop-downs are there, print setup (1.9) is not.
    expect(await fakeState<number>(page, "(f) => f.workbook.sheet('住户').validations.size")).toBeGreaterThan(0);
    await calculateAndCheckCard(page);
    expect(await fakeState<number>(page, "(f) => f.workbook.writes.filter((w) => w.kind === 'pageLayout').length")).toBe(0);
    await page.getByTestId("check").click();
    await page.getByTestId("message").getByText("检查通过").waitFor({ timeout: 20_000 });
    await publicityWithDates(page);
    await noticesFourToAPage(page);
    await expectFits(page);
    await shot(page, "taskpane-excel-2019.png");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says so when Excel is not there or too old, instead of showing buttons that cannot work", async () => {
    const outside = await openPane(context, base, { fake: { host: null } });
    expect(await outside.page.getByTestId("not-ready").innerText({ timeout: 15000 })).toContain("Excel 尚未就绪");
    await outside.page.close();
    const old = await openPane(context, base, { fake: { excelApiMinor: 0 } });
    const text = await old.page.getByTestId("not-ready").innerText();
    expect(text).toContain("不支持 Excel JavaScript API（ExcelApi 1.1）");
    expect(text).toContain("Excel 2016 或更新版本（含 2016 / 2019 批量许可版）");
    expect(text).not.toContain("版本过旧");
    expect(await old.page.getByTestId("app").count()).toBe(0);
    await old.page.close();
  });
});
