/**
 * 测算结果 (table `ResultTable`): one row per household in the order of 住户, then a total row equal to
 * the project figures to the fen.
 */
import { CalcResult, settlementStatus } from "../../engine";
import { SheetBuilder, SheetData, printSpec } from "../grid";
import { FORMATS, RESULT_HEADERS, SHEETS, TABLES } from "../layout";
import { M, householdArea, yuan } from "./text";

/**
 * 测算结果 (table `ResultTable`): one row per household in the order of 住户, then a total row whose
 * tier columns equal the project's resident total by tier and whose 应分摊合计 equals R, to the fen.
 * owners: 户主 per household (same order), from the input.
 */
export function buildResultSheet(result: CalcResult): SheetData {
  const b = new SheetBuilder();
  const rowFormats = ["@", "General", FORMATS.area, M, M, M, M, FORMATS.ratio, M, M, M, M, M, "General"];
  b.row([...RESULT_HEADERS], [], true);
  const rows = result.input.households ?? [];
  const hs = result.households ?? [];
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    b.row(
      [
        h.id,
        rows[i].owner ?? null,
        Number(rows[i].area),
        yuan(h.byTier.basic),
        yuan(h.byTier.improvement),
        yuan(h.byTier.enhancement),
        yuan(h.gross),
        h.reliefRate.toNumber(),
        yuan(h.relief),
        yuan(h.grant),
        yuan(h.net),
        yuan(h.paid),
        yuan(h.balance),
        settlementStatus(h.balance),
      ],
      rowFormats,
    );
  }
  const t = result.totals;
  if (t !== undefined && hs.length > 0) {
    b.row(
      [
        "合计",
        `${hs.length} 户`,
        householdArea(result).toNumber(),
        yuan(t.byTier.basic),
        yuan(t.byTier.improvement),
        yuan(t.byTier.enhancement),
        yuan(t.gross),
        null,
        yuan(t.relief),
        yuan(t.grant),
        yuan(t.net),
        yuan(t.paid),
        yuan(t.balance),
        null,
      ],
      rowFormats,
      true,
    );
  } else {
    b.row(["住户表为空：仅计算项目资金（见资金汇总）"]);
  }
  const { values, numberFormats } = b.rectangle();
  return {
    name: SHEETS.result,
    values,
    numberFormats,
    columnWidths: [10, 10, 11, 14, 14, 14, 14, 9, 12, 12, 14, 14, 14, 9],
    table: hs.length > 0 ? { name: TABLES.result, top: 1, left: 1, columns: [...RESULT_HEADERS], rows: hs.length, totalsRow: true } : undefined,
    freezeRows: 1,
    boldRows: b.boldRows,
    print: printSpec("landscape", 1),
  };
}
