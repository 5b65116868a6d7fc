import { choiceOf, choiceValue, createPaneActions, displayDate, isoDate, parseDateInput, perPageOf, todayText } from "../../src/taskpane/controller";
import type { PaneEvent } from "../../src/taskpane/state";
import type { Workflows } from "../../src/taskpane/workflows";

describe("dates in the pane: typed in the display language, never the browser's locale", () => {
  it.each([
    ["2026-11-30", { year: 2026, month: 11, day: 30 }],
    ["2026/2/3", { year: 2026, month: 2, day: 3 }],
    ["2026.02.03", { year: 2026, month: 2, day: 3 }],
    ["2026年11月30日", { year: 2026, month: 11, day: 30 }],
    ["２０２６年２月３日", { year: 2026, month: 2, day: 3 }],
    [" 2026 - 11 - 30 ", { year: 2026, month: 11, day: 30 }],
    ["2024-02-29", { year: 2024, month: 2, day: 29 }],
  ])("reads %s", (text, date) => {
    expect(parseDateInput(text)).toEqual(date);
  });

  it.each(["", "11/30/2026", "2026-02-30", "2025-02-29", "2026-13-01", "2026年11月", "明天"])("refuses %s", (text) => {
    expect(parseDateInput(text)).toBeUndefined();
  });

  it("writes 2026年11月30日 in Chinese and 2026-11-30 in English", () => {
    const d = { year: 2026, month: 11, day: 30 };
    expect(displayDate(d, "zh")).toBe("2026年11月30日");
    expect(displayDate({ year: 2026, month: 2, day: 3 }, "zh")).toBe("2026年2月3日");
    expect(displayDate(d, "en")).toBe("2026-11-30");
    expect(isoDate({ year: 2026, month: 2, day: 3 })).toBe("2026-02-03");
    expect(todayText(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });

  it("maps the policy drop-down's values to choices and back", () => {
    expect(choiceOf("yueqing-2023")).toEqual({ kind: "builtin", id: "yueqing-2023" });
    expect(choiceOf("workbook")).toEqual({ kind: "workbook" });
    expect(choiceOf("nonsense")).toEqual({ kind: "workbook" });
    expect(choiceValue({ kind: "builtin", id: "default" })).toBe("default");
  });
});

describe("the pane's actions (shared by the React and the legacy pane)", () => {
  const form = { example: true, choice: { kind: "workbook" } as const, start: "2026-11-30", end: "", publisher: "" };

  it("refuses an unreadable date before calling Excel, with a warning that shows the accepted spelling", async () => {
    const events: PaneEvent[] = [];
    const publicity = jest.fn();
    const actions = createPaneActions({ publicity } as unknown as Workflows, "zh", (e) => events.push(e));
    await actions.publish({ ...form, start: "11/30/2026" });
    expect(publicity).not.toHaveBeenCalled();
    expect(events).toEqual([{ type: "refused", text: "请填写有效的日期。例如 2026-11-30 或 2026年11月30日。", action: "publicity" }]);
  });

  it("makes notices 2 or 4 to a page as chosen (2 for anything else), dispatching start and the outcome", async () => {
    const events: PaneEvent[] = [];
    const outcome = { kind: "done", sheet: "缴费通知", notices: 40, perPage: 4 };
    const notices = jest.fn(() => Promise.resolve(outcome));
    const actions = createPaneActions({ notices } as unknown as Workflows, "zh", (e) => events.push(e));
    await actions.notices({ ...form, perPage: 4 });
    await actions.notices(form);
    expect(notices.mock.calls.map((c: unknown[]) => c.slice(0, 2))).toEqual([
      [{ kind: "workbook" }, { perPage: 4 }],
      [{ kind: "workbook" }, { perPage: 2 }],
    ]);
    expect(events.slice(0, 2)).toEqual([
      { type: "start", action: "notices" },
      { type: "noticed", outcome },
    ]);
    expect([perPageOf("4"), perPageOf("2"), perPageOf("")]).toEqual([4, 2, 2]);
  });

  it("turns a thrown error into a `failed` event, and reloads the policy after 新建", async () => {
    const events: PaneEvent[] = [];
    const boom = new Error("boom");
    const flows = {
      calculate: () => Promise.reject(boom),
      createWorkbook: () => Promise.resolve({ kind: "created", sheets: ["政策参数"] }),
      policy: () => Promise.resolve({ kind: "policy", fromSheet: true, policy: {} }),
    } as unknown as Workflows;
    const actions = createPaneActions(flows, "zh", (e) => events.push(e));
    await actions.run("calculate", form);
    expect(events).toEqual([
      { type: "start", action: "calculate" },
      { type: "failed", error: boom },
    ]);
    events.length = 0;
    await actions.create(form);
    expect(events.map((e) => (e.type === "start" ? `start ${e.action}` : e.type))).toEqual(["start create", "created", "start policy", "policy"]);
  });
});
