/**
 * One rounding of every displayed ratio (issue 12 item 5): the command line's batch listing floors the
 * collection rate to 0.01% like the task pane (`percentText`) and the sheets (`displayRatio`), so a
 * project one fen short never shows 100.00%.
 */
import { calculate, fenToYuan } from "../../src/engine";
import { programmeText } from "../../src/cli/batch";
import { readInputs } from "../../src/workbook";
import { templateGrids } from "../workbook/helpers";

test("the batch listing shows a collection rate one fen short of 100% as 99.99%, not 100.00%", () => {
  const base = { project: { name: "一户", area: 100, costs: { basic: 2000000 } }, households: [{ id: "1", area: 100 }] };
  const r0 = calculate(base);
  if (!r0.ok) throw new Error("fixture");
  const net = r0.value.totals!.net; // 200,000.00 元 = 20,000,000 fen
  const input = { ...base, households: [{ id: "1", area: 100, paid: fenToYuan((net - 1) as typeof net) }] };
  const read = readInputs(templateGrids({ input }));
  if (!read.ok) throw new Error(read.errors[0].en);
  // 19,999,999 ÷ 20,000,000 = 0.99999995: rounded half up 100.00%, floored 99.99%.
  expect(programmeText([{ file: "a.xlsx", ok: true, read }])).toContain("到位 99.99%");
});
