/**
 * The task pane's workflows as a user clicks them, for both panes (same data-testid attributes): the
 * modern one (test/browser/taskpane.test.ts) and the legacy one (test/browser/legacy.test.ts). Expected
 * figures come from the engine on the bundled example; texts from the specification of each message.
 */
import type { Page } from "playwright-core";
import { calculate, percentText } from "../../src/engine";
import { EXAMPLE_INPUT, moneyText } from "../../src/workbook";
import { fakeState, overflowingElements, typeCell } from "./harness";

/** The engine's figures for the bundled example (what the card must show). */
export const example = (() => {
  const r = calculate(EXAMPLE_INPUT);
  if (!r.ok) throw new Error("example is invalid");
  return r.value;
})();

export const sheetNames = (page: Page) => fakeState<string[]>(page, "(f) => f.workbook.sheets.map((s) => s.name)");

/** 新建 with the example; waits for the message. */
export async function createExample(page: Page): Promise<void> {
  await page.getByTestId("create").click();
  await page.getByTestId("message").getByText("已新建工作表").waitFor();
}

/** 计算 and the card with the engine's figures. */
export async function calculateAndCheckCard(page: Page): Promise<void> {
  await page.getByTestId("calculate").click();
  await page.getByTestId("summary").waitFor({ timeout: 20_000 });
  await page.getByTestId("message").getByText("已写入").waitFor();
  const p = example.project;
  expect(await page.getByTestId("sum-total").innerText()).toBe(`${moneyText(p.totalInvestment)} 元`);
  expect(await page.getByTestId("sum-resident").innerText()).toBe(`${moneyText(p.residentTotal)} 元`);
  expect(await page.getByTestId("sum-social").innerText()).toBe(`${moneyText(p.socialCapital)} 元`);
  expect(await page.getByTestId("sum-fiscal").innerText()).toBe(`${moneyText(p.fiscalSubsidy)} 元`);
  expect(await page.getByTestId("sum-per-sqm").innerText()).toBe(`${moneyText(p.fiscalPerSqm)} 元/m²`);
  expect(await page.getByTestId("sum-collection").innerText()).toContain(percentText(example.totals!.collectionRate));
  expect(p.approvalPath).toBe("merge3");
  expect(await page.getByTestId("sum-approval").innerText()).toBe("三合一：项目建议书、可行性研究报告、初步设计合并编制审批");
  expect(await page.getByTestId("sum-vote").innerText()).toContain(example.vote!.approvalPassed ? "同意通过" : "同意未通过");
  expect(await page.getByTestId("summary-stage").innerText()).toBe("概算");
  expect(await page.getByTestId("summary").getAttribute("data-stale")).toBe("false");
}

/**
 * Each clause of the vote line stays on one line: the characters of （双四分之三） and （双三分之二） share one
 * line box (the defect: the line broke inside （双四分之/三）).
 */
export async function voteClausesUnbroken(page: Page): Promise<void> {
  const lines = await page.getByTestId("sum-vote").evaluate((el) => {
    const text = el.textContent ?? "";
    const tops = (needle: string) => {
      const node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const found: number[] = [];
      for (let n = node.nextNode(); n !== null; n = node.nextNode()) {
        const i = (n.textContent ?? "").indexOf(needle);
        if (i < 0) continue;
        for (let k = 0; k < needle.length; k++) {
          const r = document.createRange();
          r.setStart(n, i + k);
          r.setEnd(n, i + k + 1);
          found.push(Math.round(r.getBoundingClientRect().top));
        }
      }
      return found;
    };
    return { text, two: tops("（双三分之二）"), three: tops("（双四分之三）") };
  });
  expect(lines.two.length).toBe(7);
  expect(lines.three.length).toBe(7);
  expect(new Set(lines.two).size).toBe(1);
  expect(new Set(lines.three).size).toBe(1);
}

export async function expectFits(page: Page): Promise<void> {
  expect(await overflowingElements(page)).toEqual([]);
}

/** The 政策参数 sheet: B2 base, B3–B5 the tier rates, B6 cap.perSqm (template row order). */
export const POLICY_CELL = { base: "B2", cap: "B6" } as const;

/**
 * The panel shows what the last 计算 / 检查 used: after 政策参数 changes, 计算 refreshes it (custom, 250,
 * the overriding row named with the base's value), and so does 检查.
 */
export async function policyPanelFollowsRuns(page: Page): Promise<void> {
  await page.getByTestId("policy-panel").getByText("来自“政策参数”表（default）").waitFor();
  expect(await page.getByTestId("policy-brief").innerText()).toContain("补助上限 300 元/m²");
  expect(await page.getByTestId("policy-overrides").innerText()).toContain("各行均沿用基础政策 default");
  await typeCell(page, "政策参数", POLICY_CELL.cap, 250);
  await page.getByTestId("calculate").click();
  await page.getByTestId("policy-panel").getByText("来自“政策参数”表（已改动基础政策）").waitFor({ timeout: 20_000 });
  expect(await page.getByTestId("policy-brief").innerText()).toContain("补助上限 250 元/m²");
  expect(await page.getByTestId("policy-overrides").innerText()).toContain("改动了基础政策 default 的 1 行");
  expect(await page.getByTestId("policy-overrides").innerText()).toContain("cap.perSqm = 250（基础政策为 300）");
  expect(await page.getByTestId("sum-policy").innerText()).toBe("custom");
  // Back to the base's value: 检查 alone refreshes the panel.
  await typeCell(page, "政策参数", POLICY_CELL.cap, 300);
  await page.getByTestId("check").click();
  await page.getByTestId("message").getByText("检查通过").waitFor({ timeout: 20_000 });
  expect(await page.getByTestId("policy-brief").innerText()).toContain("补助上限 300 元/m²");
  expect(await page.getByTestId("policy-overrides").innerText()).toContain("各行均沿用基础政策 default");
}

/** Changing only `base` gives that built-in policy, not `custom` (the template leaves values blank = inherit). */
export async function baseOnlyChange(page: Page): Promise<void> {
  await typeCell(page, "政策参数", POLICY_CELL.base, "yueqing-2023");
  await page.getByTestId("check").click();
  await page.getByTestId("message").getByText("检查通过").waitFor({ timeout: 20_000 });
  await page.getByTestId("policy-panel").getByText("来自“政策参数”表（yueqing-2023）").waitFor();
  expect(await page.getByTestId("policy-overrides").innerText()).toContain("各行均沿用基础政策 yueqing-2023");
  expect(await page.getByTestId("sum-policy").innerText()).toBe("yueqing-2023");
  await typeCell(page, "政策参数", POLICY_CELL.base, "default");
}

/** A refused run greys the previous card and says it is the last successful one; a good run clears that. */
export async function refusedRunMarksCard(page: Page): Promise<void> {
  await typeCell(page, "住户", "C5", 0);
  await page.getByTestId("calculate").click();
  await page.getByTestId("errors").waitFor({ timeout: 20_000 });
  expect(await page.getByTestId("summary").getAttribute("data-stale")).toBe("true");
  expect(await page.getByTestId("summary-stale").innerText()).toContain("上次成功测算的结果");
  await typeCell(page, "住户", "C5", Number(EXAMPLE_INPUT.households![3].area));
  await page.getByTestId("check").click();
  await page.getByTestId("message").getByText("检查通过").waitFor({ timeout: 20_000 });
  expect(await page.getByTestId("summary").getAttribute("data-stale")).toBe("false");
  expect(await page.getByTestId("summary-stale").count()).toBe(0);
}

/**
 * Dates in the display language, whatever the browser's locale: the field takes 2026年11月30日 or
 * 2026-11-30, shows 即 2026年11月30日, and the 公示 message uses the same spelling.
 */
export async function publicityWithDates(page: Page): Promise<void> {
  const startField = page.getByTestId("publicity-start");
  expect(await startField.getAttribute("type")).not.toBe("date");
  await startField.fill("2026年11月30日");
  await page.getByText("即 2026年11月30日").waitFor();
  await page.getByTestId("publicity").click();
  // 2026-11-30 is a Monday: the 7th working day (Monday–Friday) is Tuesday 2026-12-08.
  await page.getByTestId("message").getByText("已写入“公示”").waitFor({ timeout: 20_000 });
  expect(await page.getByTestId("message").innerText()).toContain("公示期 2026年11月30日 至 2026年12月8日");
  expect(await page.locator('section[aria-labelledby="h-publicity"] [data-testid="message"]').count()).toBe(1);
  expect(await sheetNames(page)).toContain("公示");
  await startField.fill("11/30/2026");
  await page.getByTestId("publicity").click();
  await page.getByTestId("message").getByText("请填写有效的日期").waitFor();
  await startField.fill("2026-11-30");
}

/**
 * 缴费通知单 four to a page: 40 notices on 10 pages in 缴费通知, one per household with its elevator line,
 * no hardship category; the input sheets untouched. Then two to a page replaces the sheet (20 pages).
 */
export async function noticesFourToAPage(page: Page): Promise<void> {
  await page.getByTestId("per-page").selectOption("4");
  await page.getByTestId("notices").click();
  await page.getByTestId("message").getByText("已写入“缴费通知”").waitFor({ timeout: 20_000 });
  expect(await page.getByTestId("message").innerText()).toBe("已写入“缴费通知”：40 份，每页 4 份，共 10 页。");
  // The message shows next to the button that made it, not in section 3.
  expect(await page.locator('section[aria-labelledby="h-notices"] [data-testid="message"]').count()).toBe(1);
  expect(await sheetNames(page)).toContain("缴费通知");
  const text = await fakeState<string>(page, "(f) => JSON.stringify(f.workbook.sheet('缴费通知').values)");
  expect(text.split("老旧小区改造缴费通知单").length - 1).toBe(40);
  expect(text).toContain("加装电梯");
  for (const secret of ["低保", "特困", "困难计生"]) expect(text).not.toContain(secret);
  await page.getByTestId("per-page").selectOption("2");
  await page.getByTestId("notices").click();
  await page.getByTestId("message").getByText("每页 2 份，共 20 页").waitFor({ timeout: 20_000 });
}

/** Excel's long error texts wrap inside the message box. */
export async function longExcelErrorWraps(page: Page): Promise<void> {
  const code = `GeneralException_${"InvalidOperationInCellEditModeOrTheWorkbookIsLocked".repeat(3)}`;
  await fakeState(page, `(f) => { f.workbook.failNext = { code: ${JSON.stringify(code)}, count: 1 }; }`);
  await page.getByTestId("check").click();
  await page.getByTestId("message").getByText("Excel 操作失败").waitFor({ timeout: 20_000 });
  const box = await page.getByTestId("message").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
  expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
  expect(box.right).toBeLessThanOrEqual(await page.evaluate(() => document.documentElement.clientWidth));
  await expectFits(page);
}
