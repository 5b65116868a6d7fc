/**
 * 项目信息 (ProjectTable): one row per field, the 概算 and 决算 columns side by side. A row is found by its
 * 字段 key or, without that column, by its 项目 label (a trailing unit in brackets ignored); the 决算
 * column is optional (none = 概算 only).
 */
import { CellValue, isBlank } from "../grid";
import { PROJECT_COLUMNS, PROJECT_FIELDS, ProjectFieldKey, Stage, isWanYuan, normalizeHeader } from "../layout";
import { GridCells, numberCell } from "./cells";
import { matchColumns } from "./columns";
import { CellMap, WorkbookError, cellError, sheetError } from "./errors";

export interface ProjectRows {
  /** field → 0-based grid row. */
  readonly rows: ReadonlyMap<ProjectFieldKey, number>;
  readonly estimateCol: number;
  /** Undefined when the sheet has no 决算 column (概算 only). */
  readonly settlementCol: number | undefined;
  /** Non-blank rows read. */
  readonly count: number;
}

const BY_KEY = new Map(PROJECT_FIELDS.map((f) => [normalizeHeader(f.key), f.key]));
const BY_LABEL = new Map(PROJECT_FIELDS.map((f) => [normalizeHeader(f.label), f.key]));

/** Finds the field rows of 项目信息; every unknown, doubled or 万元 row is reported. */
export function projectSheetRows(grid: GridCells, errors: WorkbookError[]): ProjectRows | undefined {
  const sheet = grid.grid.sheet;
  const cols = matchColumns(grid, PROJECT_COLUMNS, errors);
  if (cols === undefined) return undefined;
  const kc = cols.get("key");
  const lc = cols.get("label");
  if (kc === undefined && lc === undefined) {
    errors.push(sheetError(sheet, "column.keyOrLabel", { sheet, row: grid.grid.top, labels: PROJECT_FIELDS.map((f) => f.label) }));
    return undefined;
  }
  const rows = new Map<ProjectFieldKey, number>();
  const firstAt = new Map<ProjectFieldKey, string>();
  let count = 0;
  const before = errors.length;
  const text = (v: CellValue) => normalizeHeader(String(v));
  for (let r = 1; r < grid.rows; r++) {
    const k = kc === undefined ? null : grid.get(r, kc);
    const l = lc === undefined ? null : grid.get(r, lc);
    if (isBlank(k) && isBlank(l)) continue;
    count++;
    const field =
      (!isBlank(k) ? (BY_KEY.get(text(k)) ?? BY_LABEL.get(text(k))) : undefined) ?? (!isBlank(l) ? (BY_LABEL.get(text(l)) ?? BY_KEY.get(text(l))) : undefined);
    const at = grid.ref(r, isBlank(k) ? lc! : kc!);
    if (field === undefined) {
      const found = String(isBlank(k) ? l : k);
      errors.push(cellError(at, found, "field.unknownRow", { found, keys: PROJECT_FIELDS.map((f) => f.key), labels: PROJECT_FIELDS.map((f) => f.label) }));
      continue;
    }
    const spec = PROJECT_FIELDS.find((f) => f.key === field)!;
    if (spec.kind === "number" && lc !== undefined && !isBlank(l) && isWanYuan(String(l))) {
      errors.push(cellError(grid.ref(r, lc), String(l), "column.unit", { found: String(l) }));
      continue;
    }
    const first = firstAt.get(field);
    if (first !== undefined) {
      errors.push(cellError(at, field, "field.duplicate", { field, first }));
      continue;
    }
    firstAt.set(field, at.ref);
    rows.set(field, r);
  }
  if (!rows.has("area") && errors.length === before) {
    const label = PROJECT_FIELDS.find((f) => f.key === "area")!.label;
    errors.push(sheetError(sheet, "row.missing", { sheet, label, key: "area" }));
  }
  if (errors.length > before) return undefined;
  return { rows, estimateCol: cols.get("estimate")!, settlementCol: cols.get("settlement"), count };
}

/** The filled cost cells of a column (none when the column is absent). */
export function filledCostCells(grid: GridCells, p: ProjectRows, c: number | undefined): string[] {
  if (c === undefined) return [];
  return PROJECT_FIELDS.filter((f) => f.cost && p.rows.has(f.key) && !isBlank(grid.get(p.rows.get(f.key)!, c))).map((f) => grid.ref(p.rows.get(f.key)!, c).ref);
}

/** The engine's `project` member for one stage. */
export interface ProjectJson {
  name?: unknown;
  area?: unknown;
  costs: Record<string, unknown>;
  socialCapital?: unknown;
  elevatorCost?: unknown;
}

/**
 * The project member for one stage. Cost cells are read from that stage's column only (blank = 0).
 * Name, area, social capital and elevator cost fall back to the 概算 cell when the 决算 cell is blank
 * (reading: a figure not re-surveyed at settlement stays as estimated); `fellBack` gets their paths.
 */
export function projectJson(grid: GridCells, p: ProjectRows, stage: Stage, cells: CellMap, fellBack: Set<string>): ProjectJson {
  const project: ProjectJson = { costs: {} };
  const own = stage === "settlement" && p.settlementCol !== undefined ? p.settlementCol : p.estimateCol;
  for (const f of PROJECT_FIELDS) {
    const r = p.rows.get(f.key);
    if (r === undefined || f.notice === true) continue;
    const path = ["project", ...f.key.split(".")];
    let c = own;
    if (!f.cost && c !== p.estimateCol && isBlank(grid.get(r, c)) && !grid.reported.has(grid.ref(r, c).address)) {
      c = p.estimateCol;
      fellBack.add(path.join("."));
    }
    // The project name may sit in either column.
    if (f.key === "name" && isBlank(grid.get(r, c)) && p.settlementCol !== undefined) c = c === p.estimateCol ? p.settlementCol : p.estimateCol;
    const v = grid.get(r, c);
    cells.set(path, grid.ref(r, c));
    if (isBlank(v)) continue;
    const value = f.kind === "number" ? numberCell(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v;
    if (f.key.startsWith("costs.")) project.costs[f.key.slice("costs.".length)] = value;
    else (project as unknown as Record<string, unknown>)[f.key] = value;
  }
  return project;
}

/** The optional 项目信息 rows printed on the payment notices (缴费通知); a blank row is left out. */
export interface NoticeInfo {
  /** 缴费账户或地点. */
  readonly payment?: string;
  /** 缴费截止日期 (a date cell as `2026年12月31日`). */
  readonly deadline?: string;
  /** 经办人及联系电话. */
  readonly contact?: string;
}

/** The notice rows: the 概算 cell, else the 决算 cell; dates as `2026年12月31日`, numbers as shown. */
export function projectNoticeInfo(grid: GridCells, p: ProjectRows): NoticeInfo {
  const read = (key: ProjectFieldKey): string | undefined => {
    const r = p.rows.get(key);
    if (r === undefined) return undefined;
    for (const c of [p.estimateCol, p.settlementCol]) {
      if (c === undefined) continue;
      const v = grid.get(r, c);
      if (isBlank(v)) continue;
      if (v instanceof Date) return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
      return String(v).trim();
    }
    return undefined;
  };
  const payment = read("paymentAccount");
  const deadline = read("paymentDeadline");
  const contact = read("officerContact");
  return { ...(payment !== undefined ? { payment } : {}), ...(deadline !== undefined ? { deadline } : {}), ...(contact !== undefined ? { contact } : {}) };
}
