/**
 * 测算结果 (table `ResultTable`): a title block, then one row per household in the order of 住户, then a
 * total row equal to the project figures to the fen. Printed landscape on A4, the title block and the
 * header repeated on every page.
 */
import { CalcResult, settlementStatus } from "../../engine";
import { SheetData } from "../grid";
import { FORMATS, RESULT_HEADERS, SHEETS, TABLES } from "../layout";
import { ColumnPlan, PaperSheet } from "./paper";
import { M, SheetContext, householdArea, infoLine, yuan } from "./text";

/** Columns of 测算结果: 房号 and 户主 left, the rate and the status centred, amounts right. */
const COLUMNS: readonly ColumnPlan[] = RESULT_HEADERS.map((h): ColumnPlan => {
  if (h === "救助比例" || h === "结算状态") return { align: "center" };
  return {};
});

/**
 * 测算结果 (table `ResultTable`): one row per household in the order of 住户, then a total row whose
 * tier columns equal the project's resident total by tier and whose 应分摊合计 equals R, to the fen.
 * ctx: the stage and time shown under the title.
 */
export function buildResultSheet(result: CalcResult, ctx: SheetContext = {}): SheetData {
  const b = new PaperSheet(SHEETS.result, COLUMNS, { orientation: "landscape" });
  const rowFormats = [FORMATS.text, "General", FORMATS.area, M, M, M, M, FORMATS.ratio, M, M, M, M, M, "General"];
  b.title("测算结果（每户分摊、救助与应缴）");
  b.info(infoLine(result, ctx, "金额单位：元；面积单位：m²"));
  const header = b.header([...RESULT_HEADERS]);
  b.repeatHeader(header);
  const rows = result.input.households ?? [];
  const hs = result.households ?? [];
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    b.body(
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
    b.total(
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
      rowFormats.map((f, i) => (i === 0 || i === 1 ? "General" : f)),
    );
  } else {
    b.note("住户表为空：仅计算项目资金（见资金汇总）");
  }
  return b.finish({
    table: hs.length > 0 ? { name: TABLES.result, top: header, left: 1, columns: [...RESULT_HEADERS], rows: hs.length, totalsRow: true } : undefined,
    freezeRows: header,
  });
}
