/**
 * Reading the input sheets (workbook-layout.md) and calculating: the policy is built once, from the
 * 政策参数 rows (or given), the project and household rows go to the engine's validation with it, and
 * every engine path is translated back to the cell it came from. Pure: nothing is ever written here.
 */
import { BUILT_IN_POLICIES, CalcResult, EngineError, Policy, Result, compute, formatPath, message, readPolicyRows, validateWithPolicy } from "../../engine";
import { SheetGrid } from "../grid";
import { SHEETS, STAGE_LABELS, Stage } from "../layout";
import { GridCells } from "./cells";
import { CellMap, WorkbookError, missingSheetError, toWorkbookError } from "./errors";
import { householdSheetRows } from "./household-sheet";
import { elevatorSheetRows } from "./elevator-sheet";
import { policySheetRows } from "./policy-sheet";
import { NoticeInfo, ProjectJson, ProjectRows, filledCostCells, projectJson, projectNoticeInfo, projectSheetRows } from "./project-sheet";
import { StageBasis, stageReason } from "./stage";

/** The grids handed to `readInputs`; a sheet the workbook lacks is left out (政策参数 is optional). */
export interface InputGrids {
  readonly policy?: SheetGrid;
  readonly project?: SheetGrid;
  readonly households?: SheetGrid;
  /** 加装电梯, optional: absent or without rows = no elevators. */
  readonly elevators?: SheetGrid;
}

/** The engine input of one stage, as read from the cells (the command line's JSON shape, without the policy). */
export interface EngineJson {
  project: ProjectJson;
  households?: Record<string, unknown>[];
  /** The 加装电梯 rows, when the sheet has any (the main stage only). */
  elevators?: Record<string, unknown>[];
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
  /** Engine path (`households[3].area`, `project.costs.basic`) → its cell. */
  readonly cells: CellMap;
  /** Rows read: non-blank data rows of each input table. */
  readonly counts: { readonly policyRows: number; readonly projectRows: number; readonly households: number; readonly elevators?: number };
  /** Excel row of each household (same order as `input.households`), for linking result rows back. */
  readonly householdRows: readonly number[];
  /** Excel row of each elevator of 加装电梯 (same order as `input.elevators`); empty without elevators. */
  readonly elevatorRows?: readonly number[];
  /** Total rows of 加装电梯 after the last elevator, skipped: `加装电梯!A9`. */
  readonly skippedElevatorRows?: readonly string[];
  /** Total rows (合计 / 总计 / 小计 / Total / Sum in 房号) after the last household, skipped: `住户!A42`. */
  readonly skippedRows: readonly string[];
  /** Why this stage was computed (the filled 决算 cost cells, or none / no 决算 column). */
  readonly stageBasis: StageBasis;
  /** The optional 项目信息 rows for the payment notices (缴费通知). */
  readonly notice?: NoticeInfo;
}

export type ReadOutcome = WorkbookRead | { readonly ok: false; readonly errors: readonly WorkbookError[] };

export interface ReadOptions {
  /** Use this policy and do not read 政策参数 (a built-in chosen in the task pane). */
  readonly policy?: Policy;
}

/** How a 项目信息 error explains the stage: the computed one and why, or the comparison stage. */
interface StageNote {
  readonly basis: StageBasis;
  /** The other stage, computed for the 概算 / 决算 comparison (not the one the run uses). */
  readonly comparison: boolean;
  /** Paths whose blank 决算 cell fell back to the 概算 cell. */
  readonly fellBack: ReadonlySet<string>;
}

/** Engine errors at their cells; a 项目信息 error also says which stage is computed and why. */
function mapErrors(list: readonly EngineError[], cells: CellMap, projectSheet: string, note: StageNote): WorkbookError[] {
  return list.map((e) => {
    const sheet =
      e.path[0] === "households" ? SHEETS.households : e.path[0] === "policy" ? SHEETS.policy : e.path[0] === "elevators" ? SHEETS.elevators : projectSheet;
    const w = toWorkbookError(e, cells, sheet);
    if (e.path[0] !== "project") return w;
    const other = note.basis.stage === "estimate" ? "settlement" : "estimate";
    const why = note.comparison ? message("stage.comparison", { stage: STAGE_LABELS[note.basis.stage], other: STAGE_LABELS[other] }) : stageReason(note.basis);
    const fell = note.fellBack.has(formatPath(e.path)) ? message("stage.fellBack") : undefined;
    const zh = fell === undefined ? why.zh : `${why.zh}；${fell.zh}`;
    const en = fell === undefined ? why.en : `${why.en}; ${fell.en}`;
    return { ...w, zh: `${w.zh}（${zh}）`, en: `${w.en} (${en})` };
  });
}

/** The policy of the 政策参数 grid (no grid: `default`), every problem at its cell. */
function policyOf(grid: GridCells | undefined, cells: CellMap, errors: WorkbookError[]): { policy?: Policy; rows: number } {
  const rows = grid === undefined ? { rows: [], count: 0 } : policySheetRows(grid, cells, errors);
  if (rows === undefined) return { rows: 0 };
  const built: Result<Policy> = readPolicyRows(rows.rows);
  if (!built.ok) {
    errors.push(...built.errors.map((e) => toWorkbookError(e, cells, grid?.grid.sheet ?? SHEETS.policy)));
    return { rows: rows.count };
  }
  return { policy: built.value, rows: rows.count };
}

/**
 * Reads the input sheets and calculates. Every problem is reported with its cell (政策参数, 项目信息, 住户
 * in that order); nothing is written.
 *
 * - 政策参数 (optional): read by the engine's `readPolicyRows` (see engine/policy.ts for the rules).
 * - 项目信息: the 决算 column when any of its cost cells is filled, else 概算; the other stage is
 *   calculated too (project funding only) when any of its cost cells is filled. Every 项目信息 error
 *   says which stage is computed and why.
 * - 住户: blank rows skipped; an empty table is a project-only run; total rows after the last household
 *   are skipped (`skippedRows`), above one they are errors.
 * - Any input cell read that is a formula without a calculated result is an error (`formula.noResult`).
 *
 * @example
 * const r = readInputs({ project: projectGrid, households: householdGrid });
 * if (!r.ok) r.errors.map((e) => e.ref);              // ["住户!C12", …]
 * else toOutputJson(r.result).project.fiscalSubsidy;  // 2400000
 */
export function readInputs(grids: InputGrids, options: ReadOptions = {}): ReadOutcome {
  const errors: WorkbookError[] = [];
  if (grids.project === undefined) errors.push(missingSheetError(SHEETS.project, []));
  if (grids.households === undefined) errors.push(missingSheetError(SHEETS.households, []));
  if (grids.project === undefined || grids.households === undefined) return { ok: false, errors };

  const cells = new CellMap();
  const policyGrid = options.policy !== undefined || grids.policy === undefined ? undefined : new GridCells(grids.policy, errors);
  const projectGrid = new GridCells(grids.project, errors);
  const householdGrid = new GridCells(grids.households, errors);
  const pol = options.policy !== undefined ? { policy: options.policy, rows: 0 } : policyOf(policyGrid, cells, errors);
  const proj = projectSheetRows(projectGrid, errors);
  const hh = householdSheetRows(householdGrid, cells, errors);
  // 加装电梯 (optional): elevator-rules.md.
  const elevatorGrid = grids.elevators === undefined ? undefined : new GridCells(grids.elevators, errors);
  const el = elevatorGrid === undefined ? { rows: [], excelRows: [], skipped: [] } : elevatorSheetRows(elevatorGrid, cells, errors);
  const grids3 = [policyGrid, projectGrid, householdGrid, elevatorGrid];
  // A cell already reported as a formula without a result gets no second message from the engine.
  const push = (list: WorkbookError[]) => errors.push(...list.filter((e) => !grids3.some((g) => g !== undefined && g.isReported(e))));
  // Errors by sheet (政策参数, 项目信息, 住户), in the order found within each sheet.
  const order = [grids.policy?.sheet ?? SHEETS.policy, grids.project.sheet, grids.households.sheet, grids.elevators?.sheet ?? SHEETS.elevators];
  const rank = (e: WorkbookError) => {
    const i = order.indexOf(e.sheet);
    return i < 0 ? order.length : i;
  };
  const failed = (): ReadOutcome => ({
    ok: false,
    errors: errors
      .map((e, i) => ({ e, i }))
      .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
      .map((x) => x.e),
  });
  if (proj === undefined || hh === undefined || el === undefined) return failed();

  const settlementCells = filledCostCells(projectGrid, proj, proj.settlementCol);
  const estimateFilled = filledCostCells(projectGrid, proj, proj.estimateCol).length > 0;
  const stage: Stage = settlementCells.length > 0 ? "settlement" : "estimate";
  const basis: StageBasis = { stage, settlementCells, settlementColumn: proj.settlementCol !== undefined };
  const projectSheet = grids.project.sheet;

  const elevators = el.rows.length > 0 ? el.rows : undefined;
  const main = runStage(projectGrid, proj, stage, cells, hh.rows, pol.policy, { basis, comparison: false, fellBack: new Set() }, projectSheet, elevators);
  push(main.errors);
  let other: StageRun | undefined;
  if (settlementCells.length > 0 && estimateFilled) {
    const o = runStage(
      projectGrid,
      proj,
      "estimate",
      cells,
      undefined,
      pol.policy,
      { basis: { ...basis, stage: "estimate" }, comparison: true, fellBack: new Set() },
      projectSheet,
    );
    push(o.errors);
    other = o.run;
  }
  if (errors.length > 0 || main.run === undefined) return failed();
  return {
    ok: true,
    ...main.run,
    other,
    cells: main.cells,
    counts: { policyRows: pol.rows, projectRows: proj.count, households: hh.rows.length, elevators: el.rows.length },
    householdRows: hh.excelRows,
    elevatorRows: el.excelRows,
    skippedElevatorRows: el.skipped,
    skippedRows: hh.skipped,
    stageBasis: basis,
    notice: projectNoticeInfo(projectGrid, proj),
  };
}

/** Validates and computes one stage under the policy (when the policy itself was valid). */
function runStage(
  grid: GridCells,
  proj: ProjectRows,
  stage: Stage,
  shared: CellMap,
  households: Record<string, unknown>[] | undefined,
  policy: Policy | undefined,
  note: StageNote,
  projectSheet: string,
  elevators?: Record<string, unknown>[],
): { run?: StageRun; cells: CellMap; errors: WorkbookError[] } {
  const cells = shared.clone();
  const fellBack = new Set<string>();
  const project = projectJson(grid, proj, stage, cells, fellBack);
  const input: EngineJson = {
    project,
    ...(households !== undefined && households.length > 0 ? { households } : {}),
    ...(elevators !== undefined ? { elevators } : {}),
  };
  const stageNote = { ...note, fellBack };
  // Without a valid policy the input is still validated (every problem at once), under the default.
  const validated = validateWithPolicy(input, policy ?? BUILT_IN_POLICIES.default);
  if (!validated.ok) return { cells, errors: mapErrors(validated.errors, cells, projectSheet, stageNote) };
  if (policy === undefined) return { cells, errors: [] };
  const computed = compute(validated.value);
  if (!computed.ok) return { cells, errors: mapErrors(computed.errors, cells, projectSheet, stageNote) };
  return { run: { stage, input, result: computed.value }, cells, errors: [] };
}

/**
 * Reads the 政策参数 sheet on its own (the task pane shows the parameters in force before a run).
 * A missing sheet is the default policy. Every problem is reported with its cell, as in readInputs.
 */
export function readPolicyGrid(grid: SheetGrid | undefined): { ok: true; policy: Policy } | { ok: false; errors: readonly WorkbookError[] } {
  const errors: WorkbookError[] = [];
  const g = grid === undefined ? undefined : new GridCells(grid, errors);
  const pol = policyOf(g, new CellMap(), errors);
  const shown = errors.filter((e) => g === undefined || !g.isReported(e) || e.code === "formula.noResult");
  if (shown.length > 0 || pol.policy === undefined) return { ok: false, errors: shown };
  return { ok: true, policy: pol.policy };
}
