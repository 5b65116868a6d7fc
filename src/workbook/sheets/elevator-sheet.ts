/**
 * 电梯分摊 (workbook-layout.md; elevator-rules.md) — when 加装电梯 has rows: a per-elevator table
 * (单元, 层数, 造价, 补助方式, 补助, 维修资金, 其他资金, 业主分摊, 户数, 表决, 到位比例; Excel table
 * `ElevatorResultTable` with a total row) and a per-household listing grouped by elevator (单元, 楼层,
 * 房号, 户主, 系数, 权重, 分摊, 救助, 应缴, 已缴, 应补(退), 结算状态) whose 小计 of each elevator equals its
 * owners' part to the fen; then the units named by households that have no elevator.
 */
import {
  CITATIONS,
  CalcResult,
  ElevatorResult,
  ElevatorsResult,
  displayRatio,
  elevatorWeight,
  exactPercentText,
  moneyToFen,
  settlementStatus,
} from "../../engine";
import { SheetData } from "../grid";
import { FORMATS, SHEETS, TABLES } from "../layout";
import { ColumnPlan, PaperSheet } from "./paper";
import { M, SheetContext, coefficientsText, infoLine, money, moneyText, yuan } from "./text";

/** Headers of the per-elevator table (workbook-layout.md). */
export const ELEVATOR_RESULT_HEADERS: readonly string[] = [
  "单元",
  "层数",
  "造价",
  "补助方式",
  "补助",
  "维修资金",
  "其他资金",
  "业主分摊",
  "户数",
  "表决",
  "到位比例",
];
/** Headers of the per-household listing (workbook-layout.md). */
export const ELEVATOR_SHARE_HEADERS: readonly string[] = [
  "单元",
  "楼层",
  "房号",
  "户主",
  "系数",
  "权重",
  "分摊",
  "救助",
  "应缴",
  "已缴",
  "应补(退)",
  "结算状态",
];

/** An elevator's vote in a few words: 未表决, 通过, or why it failed (elevator-rules.md §5). */
export function elevatorVoteText(e: ElevatorResult): string {
  const v = e.vote;
  if (v === undefined) return "未表决";
  if (!v.participationPassed) return "未通过：参与不足双三分之二";
  return v.approvalPassed ? "通过" : "未通过：同意不足双四分之三";
}

/**
 * The 补助方式 cell: the subsidy's rule in a few words (`按造价 40%，上限 280,000.00`, `核定补助`, `按层数 7 层档`);
 * the rule in full, with its figures, is `subsidyRuleText` (计算说明, JSON).
 */
export function subsidyModeText(e: ElevatorResult): string {
  const s = e.subsidy;
  if (s.approved) return "核定补助";
  if (s.belowMinStoreys) return `不补助（低于 ${s.minStoreys} 层）`;
  switch (s.mode) {
    case "none":
      return "不补助";
    case "fixed":
      return `定额 ${moneyText(s.fixedAmount!)}`;
    case "rate":
      return `按造价 ${exactPercentText(s.rate!)}${s.cap == null ? "" : `，上限 ${moneyText(s.cap)}`}`;
    case "storeys":
      return s.storeysEntry == null ? "按层数（低于最低档）" : `按层数 ${s.storeysEntry.storeys} 层档`;
  }
}

/** The policy line of the sheet: subsidy mode, coefficients, weight, relief — the rule of §2 and §4. */
function policyLine(r: CalcResult): string {
  const e = r.policy.elevator;
  const k = coefficientsText(e.floorCoefficients);
  const weight = e.weight === "area" ? "系数 × 建筑面积" : "每户按系数";
  return `楼层系数（1层起，最后一个适用于更高楼层）：${k}；分摊权重：${weight}（填了电梯分摊权重的户按其权重）；困难救助：${e.relief ? "适用" : "不适用"} — 加装电梯“按相关办法另行补助”，不计入总投资（${CITATIONS.elevator}）`;
}

/**
 * 电梯分摊's columns: two tables share them (per elevator, per household). 补助方式 / 户主 and 表决 wrap
 * rather than widen the sheet beyond one landscape A4 page; 结算状态 is centred as on 测算结果.
 */
const COLUMNS: readonly ColumnPlan[] = [{}, {}, {}, { wrapAt: 12 }, {}, {}, {}, {}, {}, { wrapAt: 10 }, {}, { align: "center" }];

/**
 * 电梯分摊 for a result with elevators (`result.elevators`); printed landscape on A4 at 100%, the title
 * block repeated on every page. ctx: the stage and time shown under the title.
 * @example buildElevatorSheet(read.result, { stage: read.stage }).name // "电梯分摊"
 */
export function buildElevatorSheet(result: CalcResult, ctx: SheetContext = {}): SheetData {
  const x = result.elevators;
  const b = new PaperSheet(SHEETS.elevatorShares, COLUMNS, { orientation: "landscape" });
  b.title("电梯分摊（加装电梯每户分摊）");
  b.info(infoLine(result, ctx, "金额单位：元"));
  if (x === undefined || x.elevators.length === 0) {
    b.note("加装电梯表没有数据：本次测算没有电梯分摊。");
    return b.finish();
  }
  b.note(policyLine(result));

  // Per elevator.
  b.section("一、各电梯：业主分摊 P = 造价 E - 补助 G - 维修资金 M - 其他资金 O");
  const headerRow = b.header([...ELEVATOR_RESULT_HEADERS]);
  const elevatorFormats = [FORMATS.text, FORMATS.integer, M, "General", M, M, M, M, FORMATS.integer, "General", FORMATS.percent];
  for (const e of x.elevators) {
    b.body(
      [
        e.unit,
        e.storeys,
        money(e.cost),
        subsidyModeText(e),
        money(e.subsidy.amount),
        money(e.maintenanceFund),
        money(e.otherFunds),
        money(e.ownersPart),
        e.shares.length,
        elevatorVoteText(e),
        displayRatio(e.totals.collectionRate),
      ],
      elevatorFormats,
    );
  }
  const t = x.totals;
  const passedCount = x.elevators.filter((e) => e.vote?.approvalPassed === true).length;
  b.total(
    [
      "合计",
      `${t.elevators} 台`,
      money(t.cost),
      null,
      money(t.subsidy),
      money(t.maintenanceFund),
      money(t.otherFunds),
      money(t.ownersPart),
      t.households,
      `${passedCount} / ${t.elevators} 台通过`,
      displayRatio(t.collectionRate),
    ],
    ["General", "General", M, "General", M, M, M, M, FORMATS.integer, "General", FORMATS.percent],
  );
  b.blank();

  // Per household, grouped by elevator, with a 小计 per elevator equal to its P.
  const listing = b.section("二、各户分摊：分摊 = 业主分摊 P × 本户权重 ÷ Σ权重，最大余额法到分（每个单元的小计等于其业主分摊）");
  // The listing runs over pages: its heading and header repeat on each (the page header names the sheet and file).
  b.repeatRows(listing, b.header([...ELEVATOR_SHARE_HEADERS]));
  const hs = result.input.households ?? [];
  const shareFormats = [FORMATS.text, FORMATS.integer, FORMATS.text, "General", "General", "General", M, M, M, M, M, "General"];
  const sumFormats = ["General", "General", "General", "General", "General", "General", M, M, M, M, M, "General"];
  for (const e of x.elevators) {
    e.shares.forEach((s, i) => {
      const h = hs[s.household];
      b.body(
        [
          e.unit,
          s.floor,
          h.id,
          h.owner ?? null,
          s.coefficient.toNumber(),
          elevatorWeight(e, i).toNumber(),
          yuan(s.share),
          yuan(s.relief),
          yuan(s.net),
          yuan(s.paid),
          yuan(s.balance),
          settlementStatus(s.balance),
        ],
        shareFormats,
      );
    });
    const et = e.totals;
    b.total(
      [
        `${e.unit} 小计`,
        null,
        `${e.shares.length} 户`,
        null,
        null,
        null,
        yuan(et.share),
        yuan(et.relief),
        yuan(et.net),
        yuan(et.paid),
        yuan(et.balance),
        et.share === moneyToFen(e.ownersPart) ? "等于业主分摊" : "不等于业主分摊（请核对）",
      ],
      sumFormats,
    );
  }
  b.total(["合计", null, `${t.households} 户`, null, null, null, yuan(t.share), yuan(t.relief), yuan(t.net), yuan(t.paid), yuan(t.balance), null], sumFormats);

  unitsWithoutElevator(b, x);
  return b.finish({
    table: { name: TABLES.elevatorResult, top: headerRow, left: 1, columns: [...ELEVATOR_RESULT_HEADERS], rows: x.elevators.length, totalsRow: true },
  });
}

/** §4.1: units named by households that have no elevator, with their counts (a misspelt unit shows here). */
function unitsWithoutElevator(b: PaperSheet, x: ElevatorsResult): void {
  if (x.unitsWithoutElevator.length === 0) return;
  b.blank();
  b.section("三、未加装电梯的单元：这些住户不参与电梯分摊；若本应加装，请核对住户表“单元”与加装电梯表是否一致");
  b.header(["单元", "户数"]);
  for (const u of x.unitsWithoutElevator) b.body([u.unit, u.households], [FORMATS.text, FORMATS.integer]);
}

/**
 * Whether a run writes 电梯分摊: when the result has elevators, or when the workbook already has a
 * 电梯分摊 sheet from an earlier run (it is then replaced by the "no elevators" note, never left with
 * old figures). existingSheets: the workbook's sheet names, when known.
 */
export function elevatorSheetWanted(result: CalcResult, existingSheets?: readonly string[]): boolean {
  return (result.elevators?.elevators.length ?? 0) > 0 || (existingSheets ?? []).includes(SHEETS.elevatorShares);
}
