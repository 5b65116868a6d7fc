/**
 * 缴费通知 — one payment notice per household, two or four to an A4 page with dashed cut lines, for the
 * township officer to hand out: project, 房号, 户主, area, the three tier shares, relief and grant (by
 * amount), amount due, paid, 补缴 / 退还, and — from the optional 项目信息 rows — where and until when to
 * pay and whom to ask.
 *
 * Privacy: each notice goes to its own household, so it names the household and its own amounts; it
 * never prints a hardship category or a relief rate (a notice lies on a table before it is cut, and a
 * neighbour may see it): relief and the union grant appear as amounts only, as on 公示.
 */
import { CalcResult, Dec, Fen, message } from "../../engine";
import { CellStyle, CellValue, GRID_EDGES, SheetData, rangeAddress } from "../grid";
import { FORMATS, STAGE_LABELS, Stage } from "../layout";
import { NoticeInfo } from "../read";
import { CalendarDate, dateTextZh } from "./calendar";
import { elevatorNoticeLines } from "./elevator-lines";
import { MARGINS, PAPER_FONT, UNIT_PT_WIDE, paperPrint, printableHeight, printableWidth, rowHeightFor, unitsFor, wrappedLines } from "./paper";
import { M, TIER_LABELS, projectName, yuan } from "./text";

export const NOTICE_SHEET = "缴费通知";

/**
 * A line added to every notice (加装电梯): its label, and each household's text in result order, written
 * across the notice's three other columns (a text wraps and its row grows; a number could only show ###).
 */
export interface NoticeLine {
  readonly label: string;
  readonly values: readonly string[];
}

export interface NoticeOptions {
  /** Notices per A4 page: 2 (stacked, A5 each) or 4 (2 × 2, A6 each). */
  readonly perPage?: 2 | 4;
  readonly stage: Stage;
  readonly info?: NoticeInfo;
  /** The date printed as 签发日期. */
  readonly date: CalendarDate;
  /** Lines after 已缴金额 (none by default). */
  readonly extraLines?: readonly NoticeLine[];
}

export type NoticeResult =
  { readonly ok: true; readonly sheet: SheetData; readonly notices: number } | { readonly ok: false; readonly zh: string; readonly en: string };

const TITLE = "老旧小区改造缴费通知单";
const NOTICE_TITLE_SIZE = 13;
/** The rule between two notices of a page (points). */
const CUT_ROW = 12;
/** Narrower top and bottom margins than the other sheets: more room for four notices to a page. */
const NOTICE_MARGINS = { ...MARGINS, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 };
/** Areas with their unit: `62.35 m²`. */
const AREA_FORMAT = `${FORMATS.area}" m²"`;
/** Shading of the labels of the form. */
const LABEL_FILL = "F2F2F2";
/** Room left for Excel's rounding of row heights to whole pixels (points per notice). */
const SLACK = 8;

/** One line of a notice: a title, a paragraph, a form line (label, value[, label, value]), the signature, the padding. */
type Line =
  | { kind: "title"; text: string }
  | { kind: "text"; text: string }
  | { kind: "pair"; cells: [CellValue, CellValue, CellValue, CellValue]; formats: [string, string]; strong?: boolean }
  | { kind: "wide"; label: string; value: string | null }
  | { kind: "sign"; date: string };

/** The lines of one household's notice. */
function noticeLines(result: CalcResult, i: number, o: NoticeOptions): Line[] {
  const h = result.households![i];
  const row = result.input.households![i];
  const info = o.info ?? {};
  const due = h.balance > 0 ? "应补缴金额" : h.balance < 0 ? "应退还金额" : "结清情况";
  const lines: Line[] = [
    { kind: "title", text: TITLE },
    { kind: "text", text: `项目：${projectName(result)}` },
    { kind: "pair", cells: ["房号", h.id, "户主", row.owner ?? null], formats: [FORMATS.text, "General"] },
    { kind: "pair", cells: ["建筑面积", new Dec(row.area).toNumber(), "测算阶段", STAGE_LABELS[o.stage]], formats: [AREA_FORMAT, "General"] },
    { kind: "pair", cells: [`${TIER_LABELS.basic}分摊`, yuan(h.byTier.basic), `${TIER_LABELS.improvement}分摊`, yuan(h.byTier.improvement)], formats: [M, M] },
    { kind: "pair", cells: [`${TIER_LABELS.enhancement}分摊`, yuan(h.byTier.enhancement), "应分摊合计", yuan(h.gross)], formats: [M, M] },
    { kind: "pair", cells: ["临时救助", yuan(h.relief), "送温暖补助", yuan(h.grant)], formats: [M, M] },
    { kind: "pair", cells: ["应缴金额", yuan(h.net), "已缴金额", yuan(h.paid)], formats: [M, M] },
  ];
  for (const x of o.extraLines ?? elevatorNoticeLines(result)) lines.push({ kind: "wide", label: x.label, value: x.values[i] ?? "" });
  lines.push(
    { kind: "pair", cells: [due, h.balance === 0 ? "已结清" : yuan(Math.abs(h.balance) as Fen), null, null], formats: [M, "General"], strong: true },
    { kind: "wide", label: "缴费方式", value: info.payment ?? null },
    { kind: "wide", label: "截止日期", value: info.deadline ?? null },
    { kind: "wide", label: "经办人", value: info.contact ?? null },
    { kind: "text", text: "说明：金额单位为元，按建筑面积分摊；临时救助和送温暖补助已从应缴金额中扣减。如有疑问，请联系经办人。" },
    { kind: "sign", date: `日期：${dateTextZh(o.date)}` },
  );
  return lines;
}

const LABELS = ["应分摊合计", "送温暖补助", "应补缴金额"];

/** Column widths (units) of one notice: label, value, label, value. */
function noticeColumns(width: number): [number, number, number, number] {
  // Labels on one line where there is room (two to a page); longer ones wrap in the narrow notices.
  const longest = Math.max(...LABELS.map((l) => unitsFor(l, PAPER_FONT.size, false)));
  const label = Math.ceil(Math.min(longest, width / 4) * 4) / 4;
  const value = Math.floor(((width - 2 * label) / 2) * 4) / 4;
  return [label, value, label, value];
}

/**
 * 缴费通知: one notice per household of the result, `perPage` to an A4 portrait page, dashed cut lines
 * between them, a page break after each page's notices. Fails (with a message) when the project has no
 * households, or when the optional texts are so long that a notice no longer fits its part of the page.
 */
export function buildNoticeSheet(result: CalcResult, options: NoticeOptions): NoticeResult {
  const hs = result.households ?? [];
  if (hs.length === 0) return { ok: false, ...message("notices.noHouseholds") };
  const perPage = options.perPage ?? 2;
  const across = perPage === 4 ? 2 : 1;
  const page = Math.floor((printableWidth("portrait") / UNIT_PT_WIDE) * 4) / 4 - 0.5;
  const gutter = 1.5;
  const each = across === 1 ? page : (page - 2 * gutter) / 2;
  const cols = noticeColumns(each);
  const widths = across === 1 ? [...cols] : [...cols, gutter, gutter, ...cols];
  const n = widths.length;
  const offsets = across === 1 ? [0] : [0, 6];
  const blockHeight = (printableHeight("portrait", NOTICE_MARGINS) - CUT_ROW) / 2 - SLACK;

  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const styles: CellStyle[] = [];
  const merges: string[] = [];
  const heights: { row: number; height: number }[] = [];
  const breaks: number[] = [];
  const newRow = () => {
    values.push(new Array<CellValue>(n).fill(null));
    formats.push(new Array<string>(n).fill("General"));
    return values.length;
  };
  const span = (row: number, from: number, to: number) => {
    if (to > from) merges.push(rangeAddress(row, from + 1, 1, to - from + 1));
  };

  const blocks: number[][] = [];
  for (let i = 0; i < hs.length; i += across) blocks.push(hs.slice(i, i + across).map((_, k) => i + k));
  for (let bIdx = 0; bIdx < blocks.length; bIdx++) {
    const block = blocks[bIdx];
    const lineSets = block.map((i) => noticeLines(result, i, options));
    let used = 0;
    const count = lineSets[0].length;
    for (let l = 0; l < count; l++) {
      const row = newRow();
      let height = 0;
      lineSets.forEach((lines, k) => {
        const off = offsets[k];
        const line = lines[l];
        const v = values[row - 1];
        const f = formats[row - 1];
        const all = cols.reduce((a, w) => a + w, 0);
        switch (line.kind) {
          case "title":
            v[off] = line.text;
            span(row, off, off + 3);
            styles.push({ range: rangeAddress(row, off + 1, 1, 4), bold: true, size: NOTICE_TITLE_SIZE, horizontal: "center", vertical: "center" });
            height = Math.max(height, rowHeightFor(1, NOTICE_TITLE_SIZE) + 4);
            break;
          case "text":
            v[off] = line.text;
            span(row, off, off + 3);
            styles.push({ range: rangeAddress(row, off + 1, 1, 4), wrap: true, vertical: "top" });
            height = Math.max(height, rowHeightFor(wrappedLines(line.text, all)));
            break;
          case "pair": {
            const [a, b, c, d] = line.cells;
            v[off] = a;
            v[off + 1] = b;
            f[off + 1] = typeof b === "string" ? (line.formats[0] === FORMATS.text ? FORMATS.text : "General") : line.formats[0];
            if (line.strong === true) {
              span(row, off + 1, off + 3);
              styles.push({ range: rangeAddress(row, off + 1, 1, 4), bold: true });
            } else {
              v[off + 2] = c;
              v[off + 3] = d;
              f[off + 3] = typeof d === "string" || d === null ? "General" : line.formats[1];
            }
            styles.push({ range: rangeAddress(row, off + 1, 1, 4), border: { line: "thin", edges: GRID_EDGES }, vertical: "center" });
            styles.push({ range: rangeAddress(row, off + 1, 1, 1), fill: LABEL_FILL });
            if (line.strong !== true) styles.push({ range: rangeAddress(row, off + 3, 1, 1), fill: LABEL_FILL });
            const texts = [b, d].filter((x): x is string => typeof x === "string");
            const labels = [a, c].filter((x): x is string => typeof x === "string");
            const lines = Math.max(1, ...texts.map((t) => wrappedLines(t, cols[1])), ...labels.map((t) => wrappedLines(t, cols[0])));
            styles.push({ range: rangeAddress(row, off + 1, 1, 4), wrap: true });
            height = Math.max(height, rowHeightFor(lines) + 2);
            break;
          }
          case "wide": {
            v[off] = line.label;
            v[off + 1] = line.value ?? "";
            span(row, off + 1, off + 3);
            styles.push({ range: rangeAddress(row, off + 1, 1, 4), border: { line: "thin", edges: GRID_EDGES }, vertical: "center" });
            styles.push({ range: rangeAddress(row, off + 1, 1, 1), fill: LABEL_FILL }, { range: rangeAddress(row, off + 2, 1, 3), wrap: true });
            const lines = Math.max(wrappedLines(line.label, cols[0]), wrappedLines(line.value ?? "", cols[1] + cols[2] + cols[3]));
            styles.push({ range: rangeAddress(row, off + 1, 1, 1), wrap: true });
            // A blank field is left tall enough to write in.
            height = Math.max(height, line.value === null ? Math.max(22, rowHeightFor(lines) + 2) : rowHeightFor(lines) + 2);
            break;
          }
          case "sign":
            v[off] = "签发单位（盖章）";
            v[off + 2] = line.date;
            span(row, off, off + 1);
            span(row, off + 2, off + 3);
            styles.push({ range: rangeAddress(row, off + 1, 1, 4), vertical: "bottom", wrap: true });
            height = Math.max(height, 30, rowHeightFor(wrappedLines(line.date, cols[2] + cols[3])) + 8);
            break;
        }
      });
      heights.push({ row, height });
      used += height;
    }
    if (used > blockHeight) {
      return { ok: false, ...message("notices.tooLong", { perPage }) };
    }
    // Padding to half a page, so that the cut line runs across the middle of the sheet.
    const pad = newRow();
    heights.push({ row: pad, height: Math.max(1, Math.floor((blockHeight - used) * 4) / 4) });
    if (across === 2) {
      // The vertical cut line runs down the middle of the gutter, the whole height of the block.
      const top = pad - count;
      styles.push({ range: rangeAddress(top, 5, count + 1, 1), border: { line: "dashed", edges: ["right"] } });
    }
    const last = bIdx === blocks.length - 1;
    if (bIdx % 2 === 0 && !last) {
      const cut = newRow();
      heights.push({ row: cut, height: CUT_ROW });
      styles.push({ range: rangeAddress(cut, 1, 1, n), border: { line: "dashed", edges: ["top"] } });
    } else if (!last) breaks.push(values.length);
  }
  return {
    ok: true,
    notices: hs.length,
    sheet: {
      name: NOTICE_SHEET,
      values,
      numberFormats: formats,
      columnWidths: widths,
      font: PAPER_FONT,
      styles,
      merges,
      rowHeights: heights,
      print: { ...paperPrint("portrait", undefined, breaks), margins: NOTICE_MARGINS },
    },
  };
}
