/**
 * Reading the input sheets (workbook-layout.md): find columns by header text, convert cells to the
 * engine's JSON shape, choose the stage, validate and compute with the engine, and translate every
 * engine path back to the cell it came from. Pure: nothing is ever written from here.
 */
import {
  CalcResult,
  EngineError,
  PARAMETER_KEYS,
  Policy,
  buildPolicy,
  compute,
  formatPath,
  policyParameters,
  numericText,
  resolvePolicy,
  validateInput,
  BUILT_IN_POLICIES,
} from "../engine";
import { CellRef, CellValue, SheetGrid, cellAddress, cellRef, isBlank } from "./grid";
import {
  ColumnSpec,
  HOUSEHOLD_COLUMNS,
  POLICY_COLUMNS,
  PROJECT_COLUMNS,
  PROJECT_FIELDS,
  ProjectFieldKey,
  SHEETS,
  STAGE_LABELS,
  Stage,
  columnNames,
  isTotalLabel,
  isWanYuan,
  normalizeHeader,
} from "./layout";

/** An input problem with the cell it is in (or the sheet, when it is about a missing sheet or column). */
export interface WorkbookError {
  /** `住户!C12`, or `住户` when no single cell is at fault. */
  readonly ref: string;
  readonly sheet: string;
  /** 1-based; 0 when no single cell is at fault. */
  readonly row: number;
  readonly col: number;
  /** `C12`, or "" when no single cell is at fault. */
  readonly address: string;
  /**
   * An engine error code (errors.ts) or a layout code: `sheet.missing`, `column.missing`, `column.duplicate`,
   * `column.unit`, `row.missing`, `row.totalNotLast`, `key.duplicate`, `field.unknown`, `formula.noResult`.
   */
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly found?: string;
}

/** The JSON the engine takes (the command line's input shape). */
export interface EngineJson {
  policy?: string | Record<string, unknown>;
  project: { name?: string; area?: unknown; costs: Record<string, unknown>; socialCapital?: unknown; elevatorCost?: unknown };
  households?: Record<string, unknown>[];
}

/** The grids handed to `readInputs`; a sheet the workbook lacks is left out (政策参数 is optional). */
export interface InputGrids {
  readonly policy?: SheetGrid;
  readonly project?: SheetGrid;
  readonly households?: SheetGrid;
}

/** One stage's calculation. */
export interface StageRun {
  readonly stage: Stage;
  readonly input: EngineJson;
  readonly result: CalcResult;
}

export interface WorkbookRead extends StageRun {
  readonly ok: true;
  /** The other stage, when any of its cost cells is filled: project funding only (no households). */
  readonly other?: StageRun;
  /** Engine path (`households[3].area`, `project.costs.basic`, `policy.cap.perSqm`) → its cell. */
  readonly refs: ReadonlyMap<string, CellRef>;
  /** Rows read: non-blank data rows of each input table. */
  readonly counts: { readonly policyRows: number; readonly projectRows: number; readonly households: number };
  /** Excel row of each household (same order as `input.households`), for linking result rows back. */
  readonly householdRows: readonly number[];
  /** Total rows (合计 / 总计 / 小计 / Total / Sum in 房号) after the last household, skipped: their 房号 cells, `住户!A42`. */
  readonly skippedRows: readonly string[];
  /** Why this stage was computed (the filled 决算 cost cells, or none / no 决算 column). */
  readonly stageBasis: StageBasis;
}

/** Why a run computes the stage it does (funding-rules: 决算 when any of its cost cells is filled). */
export interface StageBasis {
  readonly stage: Stage;
  /** The filled 决算 cost cells (`项目信息!D6`); empty for 概算. */
  readonly settlementCells: readonly string[];
  /** False when 项目信息 has no 决算 column at all. */
  readonly settlementColumn: boolean;
}

/**
 * The stage and its reason in words, for messages and the stage lines of 资金汇总 / 计算说明:
 * `按决算列测算：项目信息!D6 已填写` / `computing the 决算 column: 项目信息!D6 is filled`.
 */
export function stageReason(basis: StageBasis, lang: "zh" | "en"): string {
  if (basis.stage === "settlement") {
    return lang === "zh"
      ? `按决算列测算：${basis.settlementCells.join("、")} 已填写`
      : `computing the 决算 column: ${basis.settlementCells.join(", ")} ${basis.settlementCells.length > 1 ? "are" : "is"} filled`;
  }
  if (!basis.settlementColumn) return lang === "zh" ? "按概算列测算：项目信息表没有决算列" : "computing the 概算 column: 项目信息 has no 决算 column";
  return lang === "zh" ? "按概算列测算：决算列未填写费用" : "computing the 概算 column: no 决算 cost is filled";
}

export type ReadOutcome = WorkbookRead | { readonly ok: false; readonly errors: readonly WorkbookError[] };

// ---------------------------------------------------------------------------------------------------------
// Messages of the layout (the engine's catalogue covers the cell values).

function sheetError(sheet: string, code: string, zh: string, en: string, found?: string): WorkbookError {
  return { ref: sheet, sheet, row: 0, col: 0, address: "", code, zh, en, found };
}

function cellError(at: CellRef, code: string, zh: string, en: string, found?: string): WorkbookError {
  return { ref: at.ref, sheet: at.sheet, row: at.row, col: at.col, address: at.address, code, zh, en, found };
}

/**
 * The cells of one grid as the reader reads them. A formula cell without a calculated result
 * (`SheetGrid.noResult`) reads as blank and is reported once, when it is first read, as
 * `formula.noResult` naming its cell — never taken silently as 0 or as a missing value.
 */
class GridCells {
  /** Addresses reported as formula.noResult (engine errors on these cells are dropped: one message per cell). */
  readonly reported = new Set<string>();
  constructor(
    readonly grid: SheetGrid,
    private readonly errors: WorkbookError[],
  ) {}

  /** Cell at 0-based grid row r, column c. */
  get(r: number, c: number): CellValue {
    const v = this.grid.values[r]?.[c] ?? null;
    const noResult = this.grid.noResult;
    if (v === null && noResult !== undefined && noResult.size > 0) {
      const address = cellAddress(this.grid.top + r, this.grid.left + c);
      const formula = noResult.get(address);
      if (formula !== undefined && !this.reported.has(address)) {
        this.reported.add(address);
        const at = cellRef(this.grid.sheet, this.grid.top + r, this.grid.left + c);
        this.errors.push(
          cellError(
            at,
            "formula.noResult",
            `公式没有计算结果，请在 Excel 中重新计算并保存（公式 =${formula}）`,
            `the formula has no calculated value; recalculate and save in Excel (formula =${formula})`,
            `=${formula}`,
          ),
        );
      }
    }
    return v;
  }

  /** Width of row r as read (rows may be ragged). */
  width(r: number): number {
    return this.grid.values[r]?.length ?? 0;
  }

  get rows(): number {
    return this.grid.values.length;
  }

  ref(r: number, c: number): CellRef {
    return cellRef(this.grid.sheet, this.grid.top + r, this.grid.left + c);
  }
}

/** A missing input sheet (the adapter lists the sheets it found). */
export function missingSheetError(sheet: string, found: readonly string[]): WorkbookError {
  const list = found.length > 0 ? found.join("、") : "（无）";
  return sheetError(
    sheet,
    "sheet.missing",
    `缺少工作表“${sheet}”（现有：${list}）；可用 npm run template 生成标准工作簿`,
    `sheet "${sheet}" is missing (found: ${found.join(", ") || "none"}); npm run template makes a standard workbook`,
  );
}

/** One line for a terminal: `住户!C12: 面积必须大于0，实为 0 / area must be …`. */
export function formatWorkbookError(e: WorkbookError, lang: "zh" | "en" | "both" = "both"): string {
  const msg = lang === "zh" ? e.zh : lang === "en" ? e.en : `${e.zh} / ${e.en}`;
  return `${e.ref}: ${msg}`;
}

// ---------------------------------------------------------------------------------------------------------
// Columns

interface Columns {
  /** key → 0-based index into the grid row. */
  readonly index: ReadonlyMap<string, number>;
}

/**
 * Finds the columns of a header row by header text, English key or alias, in any order; extra columns
 * are ignored. Reports each missing required column (naming the sheet and the header expected) and
 * a column given twice (e.g. both 房号 and 户号).
 */
function matchColumns(cells: GridCells, specs: readonly ColumnSpec[], errors: WorkbookError[]): Columns | undefined {
  const g = cells.grid;
  const index = new Map<string, number>();
  const names = specs.map((s) => new Set(columnNames(s)));
  const before = errors.length;
  const refused = new Set<string>();
  for (let c = 0; c < cells.width(0); c++) {
    const cell = cells.get(0, c);
    if (isBlank(cell)) continue;
    const text = normalizeHeader(String(cell));
    const s = names.findIndex((set) => set.has(text));
    if (s < 0) continue;
    const key = specs[s].key;
    const at = cellRef(g.sheet, g.top, g.left + c);
    const first = index.get(key);
    if (first !== undefined) {
      const firstAt = cellRef(g.sheet, g.top, g.left + first).address;
      errors.push(
        cellError(
          at,
          "column.duplicate",
          `列“${specs[s].header}”出现两次（${firstAt} 与 ${at.address}），请删除或改名其中一列`,
          `column "${specs[s].header}" (${key}) appears twice (${firstAt} and ${at.address}); remove or rename one`,
          String(cell),
        ),
      );
      continue;
    }
    if (specs[s].kind === "number" && isWanYuan(String(cell))) {
      errors.push(unitError(at, String(cell)));
      refused.add(key);
      continue;
    }
    index.set(key, c);
  }
  for (const s of specs) {
    if (s.required && !index.has(s.key) && !refused.has(s.key)) {
      const accepted = [s.header, s.key, ...s.aliases].join(" / ");
      errors.push(
        sheetError(
          g.sheet,
          "column.missing",
          `工作表“${g.sheet}”缺少列“${s.header}”（第 ${g.top} 行表头；可用列名：${accepted}）`,
          `sheet "${g.sheet}" lacks the column "${s.header}" (header row ${g.top}; accepted: ${accepted})`,
        ),
      );
    }
  }
  return errors.length > before ? undefined : { index };
}

/** A header or label stating 万元: amounts are read in 元, so the unit cannot be honoured. */
function unitError(at: CellRef, text: string): WorkbookError {
  return cellError(
    at,
    "column.unit",
    `“${text}”以万元为单位；金额请以元填写，并去掉“万元”`,
    `"${text}" states amounts in 万元 (ten thousands); enter amounts in 元 and drop the 万元 unit`,
    text,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Cell conversion

/**
 * A number cell for the engine. Numbers stay numbers. Text that is a plain number (`1200.50`,
 * `1,200.50`, spaces around) is accepted as that number — a common "number stored as text" in sheets —
 * by the engine's `numericText` (the custom functions read column cells the same way). Any other text,
 * booleans and dates are passed on (dates as ISO text) for the engine to report with the cell.
 */
export function numberCell(v: CellValue): unknown {
  if (typeof v === "string") return numericText(v) ?? v;
  if (v instanceof Date) return dateText(v);
  return v;
}

function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? "Invalid Date" : d.toISOString().slice(0, 10);
}

/** A text cell: text as written (trimmed at the engine), numbers as numbers (the engine writes them as text). */
function textCell(v: CellValue): unknown {
  if (v instanceof Date) return dateText(v);
  return v;
}

function convert(v: CellValue, kind: ColumnSpec["kind"]): unknown {
  switch (kind) {
    case "number":
      return numberCell(v);
    case "yesno":
      return v instanceof Date ? dateText(v) : typeof v === "string" ? v.trim() : v;
    case "text":
    case "status":
      return textCell(v);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The three tables

function readPolicy(
  cells: GridCells | undefined,
  refs: Map<string, CellRef>,
  keyCells: Map<string, CellRef>,
  errors: WorkbookError[],
): { base: unknown; overrides: { key: string; value: unknown }[]; rows: number } | undefined {
  if (cells === undefined) return { base: undefined, overrides: [], rows: 0 };
  const cols = matchColumns(cells, POLICY_COLUMNS, errors);
  if (cols === undefined) return undefined;
  const kc = cols.index.get("key")!;
  const vc = cols.index.get("value")!;
  let base: unknown;
  const overrides: { key: string; value: unknown }[] = [];
  const seen = new Map<string, CellRef>();
  let rows = 0;
  for (let r = 1; r < cells.rows; r++) {
    const keyCell = cells.get(r, kc);
    const value = cells.get(r, vc);
    if (isBlank(keyCell)) {
      if (!isBlank(value)) {
        errors.push(cellError(cells.ref(r, kc), "required", "参数名为空，但该行填写了值", "the key is blank but the row has a value"));
      }
      continue;
    }
    rows++;
    const key = String(keyCell).trim();
    const keyAt = cells.ref(r, kc);
    const valueAt = cells.ref(r, vc);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(
        cellError(keyAt, "key.duplicate", `参数“${key}”重复（已在 ${first.ref}）`, `key "${key}" is given twice (also at ${first.ref})`, key),
      );
      continue;
    }
    seen.set(key, keyAt);
    refs.set(formatPath(["policy", key]), valueAt);
    keyCells.set(formatPath(["policy", key]), keyAt);
    if (key === "base") {
      base = typeof value === "string" ? value.trim() : textCell(value);
      continue;
    }
    if (key === "cap.perSqm" && isBlank(value)) {
      // funding-rules.md §7: a blank cap = no cap — unless the cell is a formula without a result.
      if (!cells.reported.has(valueAt.address)) overrides.push({ key, value: null });
      continue;
    }
    // Any other blank value leaves the base policy's value as it is.
    if (isBlank(value)) continue;
    overrides.push({ key, value: key === "relief.tiers" ? textCell(value) : numberCell(value) });
  }
  return { base, overrides, rows };
}

/**
 * The engine's policy member: the base id alone when no row changes a value (so an untouched template
 * still reports `default`), else `{ base, …changed keys }`. Errors are reported for every row first.
 */
function policyJson(base: unknown, overrides: { key: string; value: unknown }[], errors: EngineError[]): EngineJson["policy"] | undefined {
  const built = buildPolicy(
    base,
    ["policy", "base"],
    overrides.map((o) => ({ ...o, path: ["policy", o.key] })),
  );
  if (!built.ok) {
    errors.push(...built.errors);
    return undefined;
  }
  const baseId = built.value.base;
  const baseParams = policyParameters(BUILT_IN_POLICIES[baseId]);
  const params = policyParameters(built.value);
  const changed: Record<string, unknown> = {};
  for (const o of overrides) {
    const k = o.key as (typeof PARAMETER_KEYS)[number];
    if (params[k] !== baseParams[k]) changed[o.key] = o.value;
  }
  return Object.keys(changed).length === 0 ? baseId : { base: baseId, ...changed };
}

interface ProjectRows {
  /** field → 0-based grid row. */
  readonly rows: ReadonlyMap<ProjectFieldKey, number>;
  readonly estimateCol: number;
  /** Undefined when the sheet has no 决算 column (概算 only). */
  readonly settlementCol: number | undefined;
  readonly count: number;
}

/**
 * The rows of 项目信息. A row is identified by its 字段 key, else by its 项目 label (a trailing unit in
 * brackets ignored: `基础类费用`, `基础类费用(元)` and `基础类费用（元）` all name `costs.basic`); one of the
 * two columns must be there. The 决算 column is optional.
 */
function readProjectRows(cells: GridCells, errors: WorkbookError[]): ProjectRows | undefined {
  const grid = cells.grid;
  const cols = matchColumns(cells, PROJECT_COLUMNS, errors);
  if (cols === undefined) return undefined;
  const kc = cols.index.get("key");
  const lc = cols.index.get("label");
  if (kc === undefined && lc === undefined) {
    const labels = PROJECT_FIELDS.map((f) => f.label).join("、");
    errors.push(
      sheetError(
        grid.sheet,
        "column.missing",
        `工作表“${grid.sheet}”缺少列“字段”（字段名，如 area）或“项目”（如 ${labels}）——至少需要其中一列来识别各行（第 ${grid.top} 行表头）`,
        `sheet "${grid.sheet}" lacks both the column "字段" (key, e.g. area) and the column "项目" (label, e.g. 改造建筑面积); one of them identifies the rows (header row ${grid.top})`,
      ),
    );
    return undefined;
  }
  const byKey = new Map<string, ProjectFieldKey>();
  const byLabel = new Map<string, ProjectFieldKey>();
  for (const f of PROJECT_FIELDS) {
    byKey.set(normalizeHeader(f.key), f.key);
    byLabel.set(normalizeHeader(f.label), f.key);
  }
  const rows = new Map<ProjectFieldKey, number>();
  let count = 0;
  const before = errors.length;
  for (let r = 1; r < cells.rows; r++) {
    const k = kc === undefined ? null : cells.get(r, kc);
    const l = lc === undefined ? null : cells.get(r, lc);
    if (isBlank(k) && isBlank(l)) continue;
    count++;
    const text = (v: CellValue) => normalizeHeader(String(v));
    const field =
      (!isBlank(k) ? (byKey.get(text(k)) ?? byLabel.get(text(k))) : undefined) ?? (!isBlank(l) ? (byLabel.get(text(l)) ?? byKey.get(text(l))) : undefined);
    const at = cells.ref(r, isBlank(k) ? lc! : kc!);
    if (field === undefined) {
      const accepted = PROJECT_FIELDS.map((f) => f.key).join(", ");
      const labels = PROJECT_FIELDS.map((f) => f.label).join("、");
      const found = String(isBlank(k) ? l : k);
      errors.push(
        cellError(
          at,
          "field.unknown",
          `未知字段“${found}”，可用：${accepted}（或项目名称：${labels}）`,
          `unknown field "${found}"; accepted: ${accepted} (or the labels ${labels})`,
          found,
        ),
      );
      continue;
    }
    const spec = PROJECT_FIELDS.find((f) => f.key === field)!;
    if (spec.kind === "number" && lc !== undefined && !isBlank(l) && isWanYuan(String(l))) {
      errors.push(unitError(cells.ref(r, lc), String(l)));
      continue;
    }
    if (rows.has(field)) {
      errors.push(cellError(at, "key.duplicate", `字段“${field}”重复`, `field "${field}" is given twice`, field));
      continue;
    }
    rows.set(field, r);
  }
  if (!rows.has("area") && errors.length === before) {
    const label = PROJECT_FIELDS.find((f) => f.key === "area")!.label;
    errors.push(
      sheetError(
        grid.sheet,
        "row.missing",
        `工作表“${grid.sheet}”缺少“${label}”一行（字段列填 area，或项目列填“${label}”）`,
        `sheet "${grid.sheet}" lacks the row "${label}" (字段 area, or 项目 "${label}")`,
      ),
    );
  }
  if (errors.length > before) return undefined;
  return { rows, estimateCol: cols.index.get("estimate")!, settlementCol: cols.index.get("settlement"), count };
}

/** The filled cost cells of a column (none when the column is absent). */
function filledCosts(cells: GridCells, p: ProjectRows, c: number | undefined): CellRef[] {
  if (c === undefined) return [];
  return PROJECT_FIELDS.filter((f) => f.cost && p.rows.has(f.key) && !isBlank(cells.get(p.rows.get(f.key)!, c))).map((f) => cells.ref(p.rows.get(f.key)!, c));
}

/**
 * The project member for one stage. Cost cells are read from that stage's column only (blank = 0).
 * Name, area, social capital and elevator cost fall back to the 概算 cell when the 决算 cell is blank
 * (reading: a figure not re-surveyed at settlement stays as estimated); `fellBack` gets their paths.
 */
function projectJson(cells: GridCells, p: ProjectRows, stage: Stage, refs: Map<string, CellRef>, fellBack: Set<string>): EngineJson["project"] {
  const project: EngineJson["project"] = { costs: {} };
  const own = stage === "settlement" && p.settlementCol !== undefined ? p.settlementCol : p.estimateCol;
  for (const f of PROJECT_FIELDS) {
    const r = p.rows.get(f.key);
    if (r === undefined) continue;
    const path = formatPath(["project", ...f.key.split(".")]);
    let c = own;
    if (!f.cost && c !== p.estimateCol && isBlank(cells.get(r, c)) && !cells.reported.has(cells.ref(r, c).address)) {
      c = p.estimateCol;
      fellBack.add(path);
    }
    // The project name may sit in either column.
    if (f.key === "name" && isBlank(cells.get(r, c)) && p.settlementCol !== undefined) c = c === p.estimateCol ? p.settlementCol : p.estimateCol;
    const v = cells.get(r, c);
    refs.set(path, cells.ref(r, c));
    if (isBlank(v)) continue;
    const value = f.kind === "number" ? numberCell(v) : textCell(v);
    if (f.key.startsWith("costs.")) project.costs[f.key.slice("costs.".length)] = value;
    else (project as Record<string, unknown>)[f.key] = value;
  }
  return project;
}

/**
 * The household rows. A row whose used cells are all blank is skipped. A row whose 房号 is a total label
 * (`isTotalLabel`: 合计 / 总计 / 小计 / Total / Sum) is a total row: after the last household (only blank or
 * total rows below it) it is skipped and listed in `skipped`; above a household it is an error.
 */
function readHouseholdRows(
  cells: GridCells,
  refs: Map<string, CellRef>,
  errors: WorkbookError[],
): { rows: Record<string, unknown>[]; excelRows: number[]; skipped: string[] } | undefined {
  const grid = cells.grid;
  const cols = matchColumns(cells, HOUSEHOLD_COLUMNS, errors);
  if (cols === undefined) return undefined;
  const used = HOUSEHOLD_COLUMNS.filter((s) => s.key !== "note" && cols.index.has(s.key));
  const idCol = cols.index.get("id")!;
  const rows: Record<string, unknown>[] = [];
  const excelRows: number[] = [];
  /** Total rows seen since the last household row (0-based grid rows). */
  let totals: number[] = [];
  for (let r = 1; r < grid.values.length; r++) {
    if (grid.values[r] === undefined) continue;
    // The 房号 first: a total row's other cells (sums, possibly formulas) are never read.
    if (isTotalLabel(cells.get(r, idCol))) {
      totals.push(r);
      continue;
    }
    const line = used.map((s) => cells.get(r, cols.index.get(s.key)!));
    if (line.every((v) => isBlank(v))) continue;
    // A household below total rows: those were not at the end of the data.
    for (const t of totals) {
      const at = cells.ref(t, idCol);
      const next = cells.ref(r, idCol);
      errors.push(
        cellError(
          at,
          "row.totalNotLast",
          `合计行应在住户表末尾：其下还有住户（${next.ref}）；请把合计行移到最后一户之后，或删除它`,
          `a total row must come after the last household (a household follows at ${next.ref}); move it below the last household or delete it`,
          String(cells.get(t, idCol)),
        ),
      );
    }
    totals = [];
    const i = rows.length;
    const h: Record<string, unknown> = {};
    used.forEach((s, j) => {
      const c = cols.index.get(s.key)!;
      refs.set(`households[${i}].${s.key}`, cells.ref(r, c));
      const v = line[j];
      if (isBlank(v)) return;
      h[s.key] = convert(v, s.kind);
    });
    rows.push(h);
    excelRows.push(grid.top + r);
  }
  return { rows, excelRows, skipped: totals.map((t) => cells.ref(t, idCol).ref) };
}

// ---------------------------------------------------------------------------------------------------------
// Engine errors → cells

function toWorkbookError(e: EngineError, refs: ReadonlyMap<string, CellRef>, keyCells: ReadonlyMap<string, CellRef>, fallbackSheet: string): WorkbookError {
  const path = formatPath(e.path);
  let at = e.code === "policy.unknownKey" ? keyCells.get(path) : refs.get(path);
  // An error about a whole member (e.g. `project`) names the sheet it lives in.
  if (at === undefined) {
    for (const [p, r] of refs) {
      if (p.startsWith(path)) {
        at = r;
        break;
      }
    }
  }
  // Messages that name another row by its JSON path (duplicate ids) name its cell instead.
  const rewrite = (s: string) => s.replace(/households\[(\d+)\]/g, (m, i: string) => refs.get(`households[${i}].id`)?.ref ?? m);
  if (at === undefined) {
    const sheet = path.startsWith("households") ? SHEETS.households : path.startsWith("policy") ? SHEETS.policy : fallbackSheet;
    return { ...sheetError(sheet, e.code, rewrite(e.zh), rewrite(e.en), e.found) };
  }
  return cellError(at, e.code, rewrite(e.zh), rewrite(e.en), e.found);
}

/** One stage's reading of 项目信息, for the note every project error carries. */
interface StageNote {
  readonly basis: StageBasis;
  /** The other stage, computed for the 概算 / 决算 comparison (not the one the run uses). */
  readonly comparison: boolean;
  /** Paths whose blank 决算 cell fell back to the 概算 cell. */
  readonly fellBack: ReadonlySet<string>;
}

/**
 * Maps engine errors to cells; a 项目信息 error also says which stage is computed and why, e.g.
 * `…（按决算列测算：项目信息!D6 已填写）` — one 0 in a 决算 cost cell switches the run to 决算.
 */
function mapErrors(
  list: readonly EngineError[],
  refs: ReadonlyMap<string, CellRef>,
  keyCells: ReadonlyMap<string, CellRef>,
  projectSheet: string,
  note: StageNote,
): WorkbookError[] {
  return list.map((e) => {
    const w = toWorkbookError(e, refs, keyCells, projectSheet);
    if (e.path[0] !== "project") return w;
    let zh: string;
    let en: string;
    if (note.comparison) {
      zh = `${STAGE_LABELS[note.basis.stage]}列（与${STAGE_LABELS[note.basis.stage === "estimate" ? "settlement" : "estimate"]}对照）`;
      en = `the ${STAGE_LABELS[note.basis.stage]} column, computed for comparison`;
    } else {
      zh = stageReason(note.basis, "zh");
      en = stageReason(note.basis, "en");
    }
    if (note.fellBack.has(formatPath(e.path))) {
      zh += "；本项决算为空，沿用概算值";
      en += "; this row's 决算 cell is blank, so its 概算 value is used";
    }
    return { ...w, zh: `${w.zh}（${zh}）`, en: `${w.en} (${en})` };
  });
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Reads the input sheets and calculates. Every problem is reported with its cell; nothing is written.
 *
 * - 政策参数 (optional): `base` row and any §7 key. A blank value leaves the base value, except
 *   `cap.perSqm` where blank = no cap. Rows equal to the base's value do not count as changes.
 * - 项目信息: the 决算 column when any of its cost cells is filled, else 概算; the other stage is
 *   calculated too (project funding only) when any of its cost cells is filled. Every 项目信息 error
 *   says which stage is computed and why. Rows by 字段 key or 项目 label; no 决算 column = 概算 only.
 * - 住户: rows whose used cells are all blank are skipped; an empty table means a project-only run;
 *   total rows (合计 …) after the last household are skipped (`skippedRows`), above one they are errors.
 * - Any input cell read that is a formula without a calculated result is an error (`formula.noResult`).
 *
 * @example
 * const r = readInputs({ project: projectGrid, households: householdGrid });
 * if (!r.ok) r.errors.map((e) => e.ref);         // ["住户!C12", …]
 * else toOutputJson(r.result).project.fiscalSubsidy;  // 2400000
 */
export function readInputs(grids: InputGrids): ReadOutcome {
  const errors: WorkbookError[] = [];
  if (grids.project === undefined) errors.push(missingSheetError(SHEETS.project, []));
  if (grids.households === undefined) errors.push(missingSheetError(SHEETS.households, []));
  if (grids.project === undefined || grids.households === undefined) return { ok: false, errors };

  const refs = new Map<string, CellRef>();
  const keyCells = new Map<string, CellRef>();
  const policyCells = grids.policy === undefined ? undefined : new GridCells(grids.policy, errors);
  const projectCells = new GridCells(grids.project, errors);
  const householdCells = new GridCells(grids.households, errors);
  const pol = readPolicy(policyCells, refs, keyCells, errors);
  const proj = readProjectRows(projectCells, errors);
  const hh = readHouseholdRows(householdCells, refs, errors);
  if (pol === undefined || proj === undefined || hh === undefined) return { ok: false, errors };

  const engineErrors: EngineError[] = [];
  const policy = policyJson(pol.base, pol.overrides, engineErrors);
  const settlementCells = filledCosts(projectCells, proj, proj.settlementCol);
  const estimateFilled = filledCosts(projectCells, proj, proj.estimateCol).length > 0;
  const stage: Stage = settlementCells.length > 0 ? "settlement" : "estimate";
  const otherStage: Stage | undefined = settlementCells.length > 0 && estimateFilled ? "estimate" : undefined;
  const basis: StageBasis = { stage, settlementCells: settlementCells.map((c) => c.ref), settlementColumn: proj.settlementCol !== undefined };

  const mainRefs = new Map(refs);
  const fellBack = new Set<string>();
  const project = projectJson(projectCells, proj, stage, mainRefs, fellBack);
  const input: EngineJson = { ...(policy !== undefined ? { policy } : {}), project, ...(hh.rows.length > 0 ? { households: hh.rows } : {}) };
  const mainNote: StageNote = { basis, comparison: false, fellBack };
  // A cell already reported as a formula without a result gets no second message from the engine.
  const reported = (e: WorkbookError) =>
    [policyCells, projectCells, householdCells].some((c) => c !== undefined && c.grid.sheet === e.sheet && c.reported.has(e.address));
  const push = (list: WorkbookError[]) => errors.push(...list.filter((e) => !reported(e)));
  // Errors by sheet (政策参数, 项目信息, 住户), in the order found within each sheet.
  const sheetOrder = [grids.policy?.sheet, grids.project.sheet, grids.households.sheet];
  const rank = (e: WorkbookError) => {
    const i = sheetOrder.indexOf(e.sheet);
    return i < 0 ? sheetOrder.length : i;
  };
  const fail = () => ({ ok: false as const, errors: errors.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i).map((x) => x.e) });

  const projectSheet = grids.project.sheet;
  const validated = validateInput(input);
  if (!validated.ok) engineErrors.push(...validated.errors.filter((e) => e.path[0] !== "policy"));
  push(mapErrors(engineErrors, mainRefs, keyCells, projectSheet, mainNote));

  let other: StageRun | undefined;
  if (otherStage !== undefined) {
    const otherRefs = new Map(refs);
    const otherNote: StageNote = { basis: { ...basis, stage: otherStage }, comparison: true, fellBack: new Set() };
    const otherProject = projectJson(projectCells, proj, otherStage, otherRefs, new Set());
    const otherInput: EngineJson = { ...(policy !== undefined ? { policy } : {}), project: otherProject };
    const v = validateInput(otherInput);
    if (!v.ok) {
      push(mapErrors(v.errors.filter((e) => e.path[0] !== "policy"), otherRefs, keyCells, projectSheet, otherNote));
    } else if (policy !== undefined) {
      const c = compute(v.value);
      if (!c.ok) push(mapErrors(c.errors, otherRefs, keyCells, projectSheet, otherNote));
      else other = { stage: otherStage, input: otherInput, result: c.value };
    }
  }
  if (errors.length > 0 || !validated.ok) return fail();

  const computed = compute(validated.value);
  if (!computed.ok) {
    push(mapErrors(computed.errors, mainRefs, keyCells, projectSheet, mainNote));
    return fail();
  }
  return {
    ok: true,
    stage,
    input,
    result: computed.value,
    other,
    refs: mainRefs,
    counts: { policyRows: pol.rows, projectRows: proj.count, households: hh.rows.length },
    householdRows: hh.excelRows,
    skippedRows: hh.skipped,
    stageBasis: basis,
  };
}

/**
 * Reads the 政策参数 sheet on its own (the task pane shows the parameters in force before a run).
 * A missing sheet is the default policy. Every problem is reported with its cell, as in readInputs.
 */
export function readPolicyGrid(grid: SheetGrid | undefined): { ok: true; policy: Policy } | { ok: false; errors: readonly WorkbookError[] } {
  const errors: WorkbookError[] = [];
  const refs = new Map<string, CellRef>();
  const keyCells = new Map<string, CellRef>();
  const cells = grid === undefined ? undefined : new GridCells(grid, errors);
  const pol = readPolicy(cells, refs, keyCells, errors);
  if (pol === undefined) return { ok: false, errors };
  const engineErrors: EngineError[] = [];
  const json = policyJson(pol.base, pol.overrides, engineErrors);
  const resolved = json === undefined ? undefined : resolvePolicy(json);
  if (resolved !== undefined && !resolved.ok) engineErrors.push(...resolved.errors);
  errors.push(
    ...engineErrors
      .map((e) => toWorkbookError(e, refs, keyCells, grid?.sheet ?? SHEETS.policy))
      .filter((e) => cells === undefined || !(e.sheet === cells.grid.sheet && cells.reported.has(e.address))),
  );
  if (errors.length > 0 || resolved === undefined || !resolved.ok) return { ok: false, errors };
  return { ok: true, policy: resolved.value };
}
