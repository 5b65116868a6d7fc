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
  resolvePolicy,
  validateInput,
  BUILT_IN_POLICIES,
  BUILT_IN_POLICY_IDS,
} from "../engine";
import { CellRef, CellValue, SheetGrid, cellRef, isBlank } from "./grid";
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
  /** An engine error code (errors.ts) or a layout code: `sheet.missing`, `column.missing`, `column.duplicate`, `row.missing`, `key.duplicate`. */
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
export function matchColumns(grid: SheetGrid, specs: readonly ColumnSpec[], errors: WorkbookError[]): Columns | undefined {
  const header = grid.values[0] ?? [];
  const index = new Map<string, number>();
  const names = specs.map((s) => new Set(columnNames(s)));
  const before = errors.length;
  header.forEach((cell, c) => {
    if (isBlank(cell)) return;
    const text = normalizeHeader(String(cell));
    const s = names.findIndex((set) => set.has(text));
    if (s < 0) return;
    const key = specs[s].key;
    const first = index.get(key);
    if (first !== undefined) {
      const at = cellRef(grid.sheet, grid.top, grid.left + c);
      const firstAt = cellRef(grid.sheet, grid.top, grid.left + first).address;
      errors.push(
        cellError(
          at,
          "column.duplicate",
          `列“${specs[s].header}”出现两次（${firstAt} 与 ${at.address}），请删除或改名其中一列`,
          `column "${specs[s].header}" (${key}) appears twice (${firstAt} and ${at.address}); remove or rename one`,
          String(cell),
        ),
      );
      return;
    }
    index.set(key, c);
  });
  for (const s of specs) {
    if (s.required && !index.has(s.key)) {
      const accepted = [s.header, s.key, ...s.aliases].join(" / ");
      errors.push(
        sheetError(
          grid.sheet,
          "column.missing",
          `工作表“${grid.sheet}”缺少列“${s.header}”（第 ${grid.top} 行表头；可用列名：${accepted}）`,
          `sheet "${grid.sheet}" lacks the column "${s.header}" (header row ${grid.top}; accepted: ${accepted})`,
        ),
      );
    }
  }
  return errors.length > before ? undefined : { index };
}

// ---------------------------------------------------------------------------------------------------------
// Cell conversion

const NUMERIC_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * A number cell for the engine. Numbers stay numbers. Text that is a plain number (`1200.50`,
 * `1,200.50`, spaces around) is accepted as that number — a common "number stored as text" in sheets —
 * when it has at most 15 significant digits (so the double is exactly that decimal). Any other text,
 * booleans and dates are passed on (dates as ISO text) for the engine to report with the cell.
 */
export function numberCell(v: CellValue): unknown {
  if (typeof v === "string") {
    const t = v.trim().normalize("NFKC");
    if (NUMERIC_TEXT.test(t)) {
      const plain = t.replace(/,/g, "");
      if (plain.replace(/^[+-]/, "").replace(".", "").replace(/^0+/, "").length <= 15) return Number(plain);
    }
    return v;
  }
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

const cellAt = (grid: SheetGrid, r: number, c: number): CellValue => grid.values[r]?.[c] ?? null;

// ---------------------------------------------------------------------------------------------------------
// The three tables

function readPolicy(
  grid: SheetGrid | undefined,
  refs: Map<string, CellRef>,
  keyCells: Map<string, CellRef>,
  errors: WorkbookError[],
): { base: unknown; overrides: { key: string; value: unknown }[]; rows: number } | undefined {
  if (grid === undefined) return { base: undefined, overrides: [], rows: 0 };
  const cols = matchColumns(grid, POLICY_COLUMNS, errors);
  if (cols === undefined) return undefined;
  const kc = cols.index.get("key")!;
  const vc = cols.index.get("value")!;
  let base: unknown;
  const overrides: { key: string; value: unknown }[] = [];
  const seen = new Map<string, CellRef>();
  let rows = 0;
  for (let r = 1; r < grid.values.length; r++) {
    const keyCell = cellAt(grid, r, kc);
    const value = cellAt(grid, r, vc);
    if (isBlank(keyCell)) {
      if (!isBlank(value)) {
        const at = cellRef(grid.sheet, grid.top + r, grid.left + kc);
        errors.push(cellError(at, "required", "参数名为空，但该行填写了值", "the key is blank but the row has a value"));
      }
      continue;
    }
    rows++;
    const key = String(keyCell).trim();
    const keyAt = cellRef(grid.sheet, grid.top + r, grid.left + kc);
    const valueAt = cellRef(grid.sheet, grid.top + r, grid.left + vc);
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
      // funding-rules.md §7: a blank cap = no cap.
      overrides.push({ key, value: null });
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
  readonly settlementCol: number;
  readonly count: number;
}

function readProjectRows(grid: SheetGrid, errors: WorkbookError[]): ProjectRows | undefined {
  const cols = matchColumns(grid, PROJECT_COLUMNS, errors);
  if (cols === undefined) return undefined;
  const kc = cols.index.get("key")!;
  const lc = cols.index.get("label");
  const byKey = new Map<string, ProjectFieldKey>();
  for (const f of PROJECT_FIELDS) {
    byKey.set(normalizeHeader(f.key), f.key);
    byKey.set(normalizeHeader(f.label), f.key);
  }
  const rows = new Map<ProjectFieldKey, number>();
  let count = 0;
  const before = errors.length;
  for (let r = 1; r < grid.values.length; r++) {
    const k = cellAt(grid, r, kc);
    const l = lc === undefined ? null : cellAt(grid, r, lc);
    if (isBlank(k) && isBlank(l)) continue;
    count++;
    const field = (!isBlank(k) ? byKey.get(normalizeHeader(String(k))) : undefined) ?? (!isBlank(l) ? byKey.get(normalizeHeader(String(l))) : undefined);
    const at = cellRef(grid.sheet, grid.top + r, grid.left + (isBlank(k) ? lc! : kc));
    if (field === undefined) {
      const accepted = PROJECT_FIELDS.map((f) => f.key).join(", ");
      const found = String(isBlank(k) ? l : k);
      errors.push(cellError(at, "field.unknown", `未知字段“${found}”，可用：${accepted}`, `unknown field "${found}"; accepted: ${accepted}`, found));
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
      sheetError(grid.sheet, "row.missing", `工作表“${grid.sheet}”缺少“${label}”（area）一行`, `sheet "${grid.sheet}" lacks the row "${label}" (area)`),
    );
  }
  if (errors.length > before) return undefined;
  return { rows, estimateCol: cols.index.get("estimate")!, settlementCol: cols.index.get("settlement")!, count };
}

/** True when any cost cell of the given column is filled. */
function hasCosts(grid: SheetGrid, p: ProjectRows, c: number): boolean {
  return PROJECT_FIELDS.some((f) => f.cost && p.rows.has(f.key) && !isBlank(cellAt(grid, p.rows.get(f.key)!, c)));
}

/**
 * The project member for one stage. Cost cells are read from that stage's column only (blank = 0).
 * Name, area, social capital and elevator cost fall back to the 概算 cell when the 决算 cell is blank
 * (reading: a figure not re-surveyed at settlement stays as estimated).
 */
function projectJson(grid: SheetGrid, p: ProjectRows, stage: Stage, refs: Map<string, CellRef>): EngineJson["project"] {
  const project: EngineJson["project"] = { costs: {} };
  const own = stage === "settlement" ? p.settlementCol : p.estimateCol;
  for (const f of PROJECT_FIELDS) {
    const r = p.rows.get(f.key);
    if (r === undefined) continue;
    let c = own;
    if (!f.cost && stage === "settlement" && isBlank(cellAt(grid, r, c))) c = p.estimateCol;
    // The project name may sit in either column.
    if (f.key === "name" && isBlank(cellAt(grid, r, c))) c = c === p.estimateCol ? p.settlementCol : p.estimateCol;
    const v = cellAt(grid, r, c);
    refs.set(formatPath(["project", ...f.key.split(".")]), cellRef(grid.sheet, grid.top + r, grid.left + c));
    if (isBlank(v)) continue;
    const value = f.kind === "number" ? numberCell(v) : textCell(v);
    if (f.key.startsWith("costs.")) project.costs[f.key.slice("costs.".length)] = value;
    else (project as Record<string, unknown>)[f.key] = value;
  }
  return project;
}

function readHouseholdRows(
  grid: SheetGrid,
  refs: Map<string, CellRef>,
  errors: WorkbookError[],
): { rows: Record<string, unknown>[]; excelRows: number[] } | undefined {
  const cols = matchColumns(grid, HOUSEHOLD_COLUMNS, errors);
  if (cols === undefined) return undefined;
  const used = HOUSEHOLD_COLUMNS.filter((s) => s.key !== "note" && cols.index.has(s.key));
  const rows: Record<string, unknown>[] = [];
  const excelRows: number[] = [];
  for (let r = 1; r < grid.values.length; r++) {
    const line = grid.values[r];
    if (line === undefined || used.every((s) => isBlank(line[cols.index.get(s.key)!] ?? null))) continue;
    const i = rows.length;
    const h: Record<string, unknown> = {};
    for (const s of used) {
      const c = cols.index.get(s.key)!;
      refs.set(`households[${i}].${s.key}`, cellRef(grid.sheet, grid.top + r, grid.left + c));
      const v = line[c] ?? null;
      if (isBlank(v)) continue;
      h[s.key] = convert(v, s.kind);
    }
    rows.push(h);
    excelRows.push(grid.top + r);
  }
  return { rows, excelRows };
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

// ---------------------------------------------------------------------------------------------------------

/**
 * Reads the input sheets and calculates. Every problem is reported with its cell; nothing is written.
 *
 * - 政策参数 (optional): `base` row and any §7 key. A blank value leaves the base value, except
 *   `cap.perSqm` where blank = no cap. Rows equal to the base's value do not count as changes.
 * - 项目信息: the 决算 column when any of its cost cells is filled, else 概算; the other stage is
 *   calculated too (project funding only) when any of its cost cells is filled.
 * - 住户: rows whose used cells are all blank are skipped; an empty table means a project-only run.
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
  const pol = readPolicy(grids.policy, refs, keyCells, errors);
  const proj = readProjectRows(grids.project, errors);
  const hh = readHouseholdRows(grids.households, refs, errors);
  if (pol === undefined || proj === undefined || hh === undefined) return { ok: false, errors };

  const engineErrors: EngineError[] = [];
  const policy = policyJson(pol.base, pol.overrides, engineErrors);
  const settlementFilled = hasCosts(grids.project, proj, proj.settlementCol);
  const estimateFilled = hasCosts(grids.project, proj, proj.estimateCol);
  const stage: Stage = settlementFilled ? "settlement" : "estimate";
  const otherStage: Stage | undefined = settlementFilled && estimateFilled ? "estimate" : undefined;

  const mainRefs = new Map(refs);
  const project = projectJson(grids.project, proj, stage, mainRefs);
  const input: EngineJson = { ...(policy !== undefined ? { policy } : {}), project, ...(hh.rows.length > 0 ? { households: hh.rows } : {}) };
  const fail = () => ({ ok: false as const, errors: [...errors] });

  const projectSheet = grids.project.sheet;
  const validated = validateInput(input);
  if (!validated.ok) engineErrors.push(...validated.errors.filter((e) => e.path[0] !== "policy"));
  errors.push(...engineErrors.map((e) => toWorkbookError(e, mainRefs, keyCells, projectSheet)));

  let other: StageRun | undefined;
  if (otherStage !== undefined) {
    const otherRefs = new Map(refs);
    const otherProject = projectJson(grids.project, proj, otherStage, otherRefs);
    const otherInput: EngineJson = { ...(policy !== undefined ? { policy } : {}), project: otherProject };
    const v = validateInput(otherInput);
    if (!v.ok) {
      errors.push(...v.errors.filter((e) => e.path[0] !== "policy").map((e) => toWorkbookError(e, otherRefs, keyCells, projectSheet)));
    } else if (policy !== undefined) {
      const c = compute(v.value);
      if (!c.ok) errors.push(...c.errors.map((e) => toWorkbookError(e, otherRefs, keyCells, projectSheet)));
      else other = { stage: otherStage, input: otherInput, result: c.value };
    }
  }
  if (errors.length > 0 || !validated.ok) return fail();

  const computed = compute(validated.value);
  if (!computed.ok) {
    errors.push(...computed.errors.map((e) => toWorkbookError(e, mainRefs, keyCells, projectSheet)));
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
  const pol = readPolicy(grid, refs, keyCells, errors);
  if (pol === undefined) return { ok: false, errors };
  const engineErrors: EngineError[] = [];
  const json = policyJson(pol.base, pol.overrides, engineErrors);
  const resolved = json === undefined ? undefined : resolvePolicy(json);
  if (resolved !== undefined && !resolved.ok) engineErrors.push(...resolved.errors);
  errors.push(...engineErrors.map((e) => toWorkbookError(e, refs, keyCells, grid?.sheet ?? SHEETS.policy)));
  if (errors.length > 0 || resolved === undefined || !resolved.ok) return { ok: false, errors };
  return { ok: true, policy: resolved.value };
}

/** The built-in policy ids a 政策参数 `base` cell accepts (for the template's drop-down). */
export const BASE_POLICY_CHOICES: readonly string[] = BUILT_IN_POLICY_IDS;

/** The stage label of a read: 概算 / 决算. */
export function stageLabel(stage: Stage): string {
  return STAGE_LABELS[stage];
}
