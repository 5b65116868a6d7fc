import { ExcelIoError } from "../../src/excel/office-port";
import { Action, INITIAL_STATE, PaneState, failureMessage, paneReducer } from "../../src/taskpane/state";
import type { PolicyOutcome, RunSummary } from "../../src/taskpane/workflows";
import type { WorkbookError } from "../../src/workbook";

const zh = paneReducer("zh");
const en = paneReducer("en");

const areaError: WorkbookError = {
  ref: "住户!C5",
  sheet: "住户",
  row: 5,
  col: 3,
  address: "C5",
  code: "area.positive",
  zh: "面积必须大于0，实为 0",
  en: "area must be greater than 0, found 0",
};
const summary = { stage: "estimate", sheets: ["测算结果", "资金汇总", "计算说明"] } as unknown as RunSummary;
const policy = { kind: "policy", fromSheet: true, policy: { id: "custom" } } as unknown as PolicyOutcome;

describe("what the task pane says after each action", () => {
  it("clears the last message when an action starts, and disables the buttons", () => {
    const s = zh({ ...INITIAL_STATE, message: { intent: "success", text: "旧消息" } }, { type: "start", action: "calculate" });
    expect(s.busy).toBe("calculate");
    expect(s.message).toBeNull();
  });

  it("keeps the problem list while a cell is being selected", () => {
    const before: PaneState = { ...INITIAL_STATE, errors: [areaError], message: { intent: "error", text: "x" } };
    const s = zh(before, { type: "start", action: "select" });
    expect(s.errors).toEqual([areaError]);
    expect(s.message).toEqual({ intent: "error", text: "x" });
  });

  it("lists problems and says nothing was written when the input is invalid", () => {
    const s = zh({ ...INITIAL_STATE, busy: "calculate" }, { type: "ran", action: "calculate", outcome: { kind: "invalid", errors: [areaError] } });
    expect(s.busy).toBeNull();
    expect(s.errors).toEqual([areaError]);
    expect(s.message).toEqual({ intent: "error", text: "发现 1 个输入问题，未写入任何内容。点击问题可定位到单元格。" });
  });

  it("names the sheets written after a run, and clears old problems", () => {
    const s = zh(
      { ...INITIAL_STATE, errors: [areaError] },
      { type: "ran", action: "calculate", outcome: { kind: "done", summary, read: undefined as never, policy } },
    );
    expect(s.errors).toEqual([]);
    expect(s.summary).toBe(summary);
    expect(s.message).toEqual({ intent: "success", text: "已写入：测算结果、资金汇总、计算说明。" });
    expect(en(INITIAL_STATE, { type: "ran", action: "check", outcome: { kind: "done", summary, read: undefined as never, policy } }).message?.text).toBe(
      "Check passed: no input problems.",
    );
  });

  it("warns, without overwriting, when the template's sheets exist", () => {
    const s = zh(INITIAL_STATE, { type: "created", outcome: { kind: "taken", names: ["住户", "HouseholdTable"] } });
    expect(s.message?.intent).toBe("warning");
    expect(s.message?.text).toContain("已有 住户、HouseholdTable");
  });

  it("gives the publicity period's own message in the pane's language", () => {
    const outcome = { kind: "period" as const, zh: "公示期只有 5 个工作日", en: "only 5 working days" };
    expect(zh(INITIAL_STATE, { type: "published", outcome }).message).toEqual({ intent: "warning", text: "公示期只有 5 个工作日" });
    expect(en(INITIAL_STATE, { type: "published", outcome }).message).toEqual({ intent: "warning", text: "only 5 working days" });
  });

  it("shows the message, progress and problems in the section of the action that made them", () => {
    const after = (action: Action) => zh(INITIAL_STATE, { type: "start", action }).area;
    expect((["create", "calculate", "check", "publicity", "notices"] as const).map(after)).toEqual(["workbook", "run", "run", "publicity", "notices"]);
    // Showing the policy or selecting a cell keeps the section (and its message) where it was.
    const notices = zh(INITIAL_STATE, { type: "start", action: "notices" });
    expect(zh(notices, { type: "start", action: "policy" }).area).toBe("notices");
    expect(zh(notices, { type: "start", action: "select" }).area).toBe("notices");
    // A date refused before Excel is called: in 公示's section.
    expect(zh(INITIAL_STATE, { type: "refused", text: "x", action: "publicity" }).area).toBe("publicity");
  });

  it("tells how many notices went on how many pages, or why none were written", () => {
    const done = { kind: "done" as const, sheet: "缴费通知", notices: 41, perPage: 4 as const };
    // 41 notices, 4 to a page → 11 pages (the last one holds one).
    expect(zh({ ...INITIAL_STATE, busy: "notices" }, { type: "noticed", outcome: done })).toMatchObject({
      busy: null,
      message: { intent: "success", text: "已写入“缴费通知”：41 份，每页 4 份，共 11 页。" },
    });
    expect(en(INITIAL_STATE, { type: "noticed", outcome: { ...done, perPage: 2 } }).message?.text).toBe("Wrote 缴费通知: 41 notices, 2 to a page, 21 page(s).");
    const refused = { kind: "refused" as const, zh: "缴费通知单的内容过长", en: "too long" };
    expect(zh(INITIAL_STATE, { type: "noticed", outcome: refused }).message).toEqual({ intent: "warning", text: "缴费通知单的内容过长" });
    expect(en(INITIAL_STATE, { type: "noticed", outcome: refused }).message).toEqual({ intent: "warning", text: "too long" });
    // Invalid input: the problems listed, the last card marked as older than the workbook.
    const card = { ...INITIAL_STATE, summary: {} as never };
    const error = { code: "x", sheet: "住户", address: "C5", ref: "住户!C5", zh: "面积必须大于0", en: "area" } as never;
    const invalid = zh(card, { type: "noticed", outcome: { kind: "invalid", errors: [error] } });
    expect(invalid).toMatchObject({ errors: [error], summaryStale: true, message: { intent: "error" } });
  });

  it("turns Excel's failures into sentences, with the code", () => {
    expect(failureMessage(new ExcelIoError("InvalidOperationInCellEditMode", "busy"), "zh")).toBe(
      "Excel 正处于单元格编辑状态：请按 Enter 或 Esc 结束编辑后重试。",
    );
    expect(failureMessage(new ExcelIoError("ItemNotFound", "worksheet 住户 not found"), "zh")).toBe(
      "Excel 操作失败（ItemNotFound）：worksheet 住户 not found。之前的结果表保持不变。",
    );
    expect(zh({ ...INITIAL_STATE, busy: "calculate" }, { type: "failed", error: new Error("boom") })).toMatchObject({
      busy: null,
      message: { intent: "error", text: "发生意外错误：boom" },
    });
  });

  it("greys the card after a refused or failed run, and clears that after a good one", () => {
    const done = zh(
      { ...INITIAL_STATE, busy: "calculate" },
      { type: "ran", action: "calculate", outcome: { kind: "done", summary, read: undefined as never, policy } },
    );
    expect([done.summary, done.summaryStale, done.policy]).toEqual([summary, false, policy]);
    const refused = zh({ ...done, busy: "check" }, { type: "ran", action: "check", outcome: { kind: "invalid", errors: [areaError] } });
    expect([refused.summary, refused.summaryStale]).toEqual([summary, true]);
    // A refused run keeps the last policy shown unless it read one itself.
    expect(refused.policy).toBe(policy);
    const failed = zh({ ...done, busy: "publicity" }, { type: "failed", error: new Error("x") });
    expect(failed.summaryStale).toBe(true);
    // Selecting a cell or loading the policy is no run: the card stays as it was.
    expect(zh({ ...done, busy: "select" }, { type: "failed", error: new Error("x") }).summaryStale).toBe(false);
    const again = zh({ ...refused, busy: "check" }, { type: "ran", action: "check", outcome: { kind: "done", summary, read: undefined as never, policy } });
    expect(again.summaryStale).toBe(false);
    // Nothing to grey without a card.
    expect(
      zh({ ...INITIAL_STATE, busy: "calculate" }, { type: "ran", action: "calculate", outcome: { kind: "invalid", errors: [areaError] } }).summaryStale,
    ).toBe(false);
  });

  it("shows what a refused run read of 政策参数 in the policy panel", () => {
    const read = { kind: "policy", fromSheet: true, policy: { id: "custom" } } as unknown as PolicyOutcome;
    const s = zh({ ...INITIAL_STATE, policy }, { type: "ran", action: "calculate", outcome: { kind: "invalid", errors: [areaError], policy: read } });
    expect(s.policy).toBe(read);
  });

  it("warns about a date it cannot read, without calling Excel", () => {
    expect(zh({ ...INITIAL_STATE, busy: "publicity" }, { type: "refused", text: "请填写有效的日期。" })).toMatchObject({
      busy: null,
      message: { intent: "warning", text: "请填写有效的日期。" },
    });
  });
});
