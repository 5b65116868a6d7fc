/**
 * Validation of a whole calculation input (the JSON of the command line, and what the workbook
 * readers and custom functions build). Validate once, at the edge, and report every problem with its
 * path before anything is computed (funding-rules.md §8).
 */
import Decimal from "decimal.js";
import { EngineError, Path, Result, describe, engineError, engineErrorAt, fail, ok } from "./errors";
import { DecimalValue, decimalText, valueToFen } from "./fixed";
import { Fen, Money, ZERO_MONEY, sumMoney } from "./money";
import { BUILT_IN_POLICIES, Policy, TIERS, Tier, resolvePolicy } from "./policy";
import { ProjectInput } from "./project";
import { HouseholdRow } from "./households";
import { StatusKey, parseStatuses } from "./relief";
import { MONEY_LIMIT_FEN, isBlankValue, readArea, readMoney, readText, readYesNo } from "./read";
import { ElevatorRow, linkElevators, readElevators } from "./elevator-input";

export interface CalcInput {
  readonly policy: Policy;
  readonly project: ProjectInput;
  /** Absent when the input has no `households` member. */
  readonly households?: readonly HouseholdRow[];
  /** The new elevators (elevator-rules.md); absent when the input has no `elevators` member. */
  readonly elevators?: readonly ElevatorRow[];
}

export const TOP_KEYS = ["policy", "project", "households", "elevators"];
export const PROJECT_KEYS = ["name", "area", "costs", "socialCapital", "elevatorCost"];
export const HOUSEHOLD_KEYS = [
  "id",
  "owner",
  "area",
  "exclusiveArea",
  "weight",
  "status",
  "paid",
  "participated",
  "agreed",
  "note",
  "unit",
  "floor",
  "elevatorWeight",
  "elevatorPaid",
];

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !Decimal.isDecimal(x) && !(x instanceof Date);
}

/** Unknown members are errors: a misspelt `socialCaptial` must not silently become 0. */
export function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], path: Path, errors: EngineError[]): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) errors.push(engineError("field.unknown", [...path, k], { found: k, accepted: allowed }));
  }
}

export function collect<T>(r: Result<T>, errors: EngineError[]): T | undefined {
  if (r.ok) return r.value;
  errors.push(...r.errors);
  return undefined;
}

function householdPath(i: number, field?: string): Path {
  return field === undefined ? ["households", i] : ["households", i, field];
}

/**
 * Fast reader for the per-household numbers: a finite JSON number as it is (it stands for the decimal
 * its shortest text shows), a Decimal as its plain text. Text is refused ("text in number fields"); the
 * workbook and function edges turn numeric text into numbers before this (read.ts `numericText`).
 */
function numberValue(value: unknown, i: number, field: string, errors: EngineError[]): DecimalValue | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value === 0 ? 0 : value;
  if (Decimal.isDecimal(value) && (value as Decimal).isFinite()) return decimalText(value as Decimal);
  if (isBlankValue(value)) errors.push(engineError("required", householdPath(i, field)));
  else if (value instanceof Date) errors.push(engineError("type.date", householdPath(i, field), { found: describe(value) }));
  else errors.push(engineError("type.number", householdPath(i, field), { found: describe(value) }));
  return undefined;
}

/** True when a value is > 0 (texts from decimalText: no exponent). */
const isPositive = (v: DecimalValue): boolean => (typeof v === "number" ? v > 0 : !v.startsWith("-") && /[1-9]/.test(v));
/** True when a value is < 0 (−0 is zero, as everywhere: read.ts `isNegativeValue`). */
const isNegative = (v: DecimalValue): boolean => (typeof v === "number" ? v < 0 : v.startsWith("-") && /[1-9]/.test(v));
/** The value without the sign of −0. */
const unsigned = (v: DecimalValue): DecimalValue => (typeof v === "number" ? (v === 0 ? 0 : v) : v.startsWith("-") ? v.slice(1) : v);

const NO_STATUSES: StatusKey[] = [];
const HOUSEHOLD_KEY_SET = new Set(HOUSEHOLD_KEYS);

function readHousehold(raw: unknown, i: number, errors: EngineError[]): HouseholdRow | undefined {
  // Paths are built only when something is wrong (householdPath): this runs for tens of thousands of rows.
  if (!isPlainObject(raw)) {
    errors.push(engineError("type.object", householdPath(i), { found: describe(raw) }));
    return undefined;
  }
  const before = errors.length;
  for (const k in raw) {
    if (!HOUSEHOLD_KEY_SET.has(k)) errors.push(engineError("field.unknown", householdPath(i, k), { found: k, accepted: HOUSEHOLD_KEYS }));
  }
  let id: string | undefined;
  if (typeof raw.id === "string" && raw.id.trim() !== "") id = raw.id.trim();
  else if (raw.id === undefined || raw.id === null) errors.push(engineError("required", householdPath(i, "id")));
  else {
    const t = collect(readText(raw.id, householdPath(i, "id")), errors);
    if (t !== undefined && t.trim() === "") errors.push(engineError("id.empty", householdPath(i, "id")));
    else id = t;
  }
  const owner =
    raw.owner === undefined || typeof raw.owner === "string"
      ? (raw.owner as string | undefined)
      : collect(readText(raw.owner, householdPath(i, "owner")), errors);

  const area = numberValue(raw.area, i, "area", errors);
  if (area !== undefined && !isPositive(area)) errors.push(engineError("area.positive", householdPath(i, "area"), { found: describe(raw.area) }));
  let exclusiveArea: DecimalValue | undefined;
  if (raw.exclusiveArea !== undefined && raw.exclusiveArea !== null) {
    exclusiveArea = numberValue(raw.exclusiveArea, i, "exclusiveArea", errors);
    if (exclusiveArea !== undefined && !isPositive(exclusiveArea)) {
      errors.push(engineError("area.positive", householdPath(i, "exclusiveArea"), { found: describe(raw.exclusiveArea) }));
    }
  }
  let weight: DecimalValue | undefined;
  if (raw.weight !== undefined && raw.weight !== null) {
    weight = numberValue(raw.weight, i, "weight", errors);
    if (weight !== undefined && isNegative(weight)) errors.push(engineError("weight.negative", householdPath(i, "weight"), { found: describe(raw.weight) }));
    else if (weight !== undefined) weight = unsigned(weight);
  }
  let status: string | undefined;
  let statuses: StatusKey[] = NO_STATUSES;
  if (raw.status !== undefined && raw.status !== null && raw.status !== "") {
    status = collect(readText(raw.status, householdPath(i, "status")), errors);
    statuses = collect(parseStatuses(status, householdPath(i, "status")), errors) ?? NO_STATUSES;
  }

  const paidFen = raw.paid !== undefined && raw.paid !== null ? paidValue(raw.paid, i, "paid", errors) : (0 as Fen);
  const participated =
    typeof raw.participated === "boolean" ? raw.participated : collect(readYesNo(raw.participated, householdPath(i, "participated")), errors);
  const agreed = typeof raw.agreed === "boolean" ? raw.agreed : collect(readYesNo(raw.agreed, householdPath(i, "agreed")), errors);
  // §5: a household that agreed must have participated.
  if (agreed === true && participated !== true) errors.push(engineError("vote.agreedWithoutParticipated", householdPath(i, "agreed")));
  // elevator-rules.md §4: most households have no elevator field; theirs keep the smaller row.
  if (raw.unit === undefined && raw.floor === undefined && raw.elevatorWeight === undefined && raw.elevatorPaid === undefined) {
    if (errors.length > before) return undefined;
    return { id: id!, owner, area: area!, exclusiveArea, weight, status, statuses, paidFen, participated, agreed };
  }
  let unit: string | undefined;
  let floor: number | undefined;
  let elevatorWeight: DecimalValue | undefined;
  let elevatorPaidFen: Fen | undefined;
  if (raw.unit !== undefined && raw.unit !== null) {
    const t = typeof raw.unit === "string" ? raw.unit : collect(readText(raw.unit, householdPath(i, "unit")), errors);
    if (t !== undefined && t.trim() !== "") unit = t.trim();
  }
  let floorError: EngineError | undefined;
  if (raw.floor !== undefined && raw.floor !== null) {
    // A floor that is not a whole number is held back: it is an error only for a household that
    // shares an elevator (elevator-input.ts linkElevators).
    const problems: EngineError[] = [];
    const f = numberValue(raw.floor, i, "floor", problems);
    const n = f === undefined ? NaN : typeof f === "number" ? f : Number(f);
    if (f !== undefined && Number.isSafeInteger(n) && (typeof f === "number" || String(n) === f)) floor = n;
    else floorError = problems[0] ?? engineError("type.integer", householdPath(i, "floor"), { found: describe(raw.floor) });
  }
  if (raw.elevatorWeight !== undefined && raw.elevatorWeight !== null) {
    const w = numberValue(raw.elevatorWeight, i, "elevatorWeight", errors);
    if (w !== undefined && isNegative(w))
      errors.push(engineError("elevator.weightNegative", householdPath(i, "elevatorWeight"), { found: describe(raw.elevatorWeight) }));
    else if (w !== undefined) elevatorWeight = unsigned(w);
  }
  if (raw.elevatorPaid !== undefined && raw.elevatorPaid !== null) elevatorPaidFen = paidValue(raw.elevatorPaid, i, "elevatorPaid", errors);
  if (errors.length > before) return undefined;
  return {
    id: id!,
    owner,
    area: area!,
    exclusiveArea,
    weight,
    status,
    statuses,
    paidFen,
    participated,
    agreed,
    unit,
    floor,
    floorError,
    elevatorWeight,
    elevatorPaidFen,
  };
}

/** A paid amount in fen: the same rule as every money field (read.ts moneyFrom): ≥ 0 (−0 is 0), at most 1万亿 元. */
function paidValue(value: unknown, i: number, field: string, errors: EngineError[]): Fen {
  const paid = numberValue(value, i, field, errors);
  if (paid === undefined) return 0 as Fen;
  if (isNegative(paid)) {
    errors.push(engineError("money.negative", householdPath(i, field), { found: describe(value) }));
    return 0 as Fen;
  }
  const fen = valueToFen(unsigned(paid));
  if (fen > MONEY_LIMIT_FEN) {
    errors.push(engineError("money.tooLarge", householdPath(i, field), { found: describe(value) }));
    return 0 as Fen;
  }
  return fen;
}

/**
 * Reads the household table. Every row is checked; duplicate ids name both rows; an all-zero weight
 * column is an error (nothing to split over); Σ paid above 1万亿 元 is an error (every total then stays
 * exact in safe integers: households.ts). `byIndex`, when given, receives each row by its index
 * (undefined where the row is invalid), so that checks across tables can still name every problem.
 */
export function readHouseholds(raw: unknown, errors: EngineError[], byIndex?: (HouseholdRow | undefined)[]): HouseholdRow[] | undefined {
  if (!Array.isArray(raw)) {
    errors.push(engineError("type.array", ["households"], { found: describe(raw) }));
    return undefined;
  }
  const rows: HouseholdRow[] = [];
  const seen = new Map<string, number>();
  const before = errors.length;
  let paid = 0;
  let paidReported = false;
  let elevatorPaid = 0;
  let elevatorPaidReported = false;
  for (let i = 0; i < raw.length; i++) {
    const row = readHousehold(raw[i], i, errors);
    if (byIndex !== undefined) byIndex[i] = row;
    if (row === undefined) continue;
    const first = seen.get(row.id);
    if (first !== undefined) {
      errors.push(engineErrorAt("id.duplicate", householdPath(i, "id"), { found: row.id }, { first: householdPath(first, "id") }));
    } else seen.set(row.id, i);
    paid += row.paidFen;
    if (paid > MONEY_LIMIT_FEN && !paidReported) {
      errors.push(engineError("money.totalTooLarge", householdPath(i, "paid"), { what: "已缴金额", whatEn: "amounts paid" }));
      paidReported = true;
    }
    if (row.elevatorPaidFen !== undefined) {
      elevatorPaid += row.elevatorPaidFen;
      if (elevatorPaid > MONEY_LIMIT_FEN && !elevatorPaidReported) {
        errors.push(engineError("money.totalTooLarge", householdPath(i, "elevatorPaid"), { what: "电梯已缴", whatEn: "elevator payments" }));
        elevatorPaidReported = true;
      }
    }
    rows.push(row);
  }
  if (errors.length === before && rows.length > 0 && rows.every((r) => r.weight !== undefined && !isPositive(r.weight))) {
    errors.push(engineError("weights.zero", ["households", 0, "weight"]));
  }
  // §5: the vote weighs exclusive areas; the household area stands in only where no exclusive area is
  // given at all. A half-filled column would mix the two (they differ by the shared area) and could
  // flip the vote unnoticed. (Checked once every row is valid, so that rows[k] is households[k].)
  if (errors.length === before && rows.some((r) => r.participated !== undefined) && rows.some((r) => r.exclusiveArea !== undefined)) {
    rows.forEach((r, k) => {
      if (r.exclusiveArea === undefined) errors.push(engineError("vote.exclusiveAreaMissing", ["households", k, "exclusiveArea"]));
    });
  }
  return errors.length > before ? undefined : rows;
}

function readProject(raw: unknown, errors: EngineError[]): ProjectInput | undefined {
  const path: Path = ["project"];
  if (raw === undefined) {
    errors.push(engineError("required", path));
    return undefined;
  }
  if (!isPlainObject(raw)) {
    errors.push(engineError("type.object", path, { found: describe(raw) }));
    return undefined;
  }
  const before = errors.length;
  checkKeys(raw, PROJECT_KEYS, path, errors);
  const name = collect(readText(raw.name, [...path, "name"]), errors);
  const area = collect(readArea(raw.area, [...path, "area"]), errors);
  const costs = {} as Record<Tier, Money>;
  if (raw.costs === undefined) errors.push(engineError("required", [...path, "costs"]));
  else if (!isPlainObject(raw.costs)) errors.push(engineError("type.object", [...path, "costs"], { found: describe(raw.costs) }));
  else {
    checkKeys(raw.costs, TIERS, [...path, "costs"], errors);
    // A tier the project has no items in may be omitted: its cost is 0.
    for (const t of TIERS) costs[t] = collect(readMoney(raw.costs[t], [...path, "costs", t], ZERO_MONEY), errors) ?? ZERO_MONEY;
  }
  const socialCapital = collect(readMoney(raw.socialCapital, [...path, "socialCapital"], ZERO_MONEY), errors);
  const elevatorCost = collect(readMoney(raw.elevatorCost, [...path, "elevatorCost"], ZERO_MONEY), errors);
  if (errors.length > before) return undefined;
  const elevatorCostGiven = raw.elevatorCost !== undefined && raw.elevatorCost !== null;
  return { name, area: area!, costs, socialCapital: socialCapital!, elevatorCost: elevatorCost!, ...(elevatorCostGiven ? { elevatorCostGiven } : {}) };
}

/**
 * Validates the project and households of a raw input under a policy already built (the workbook and
 * the functions build theirs from their own rows). Every problem is reported.
 */
export function validateWithPolicy(raw: { project?: unknown; households?: unknown; elevators?: unknown }, policy: Policy): Result<CalcInput> {
  const errors: EngineError[] = [];
  const project = readProject(raw.project, errors);
  const households = raw.households === undefined ? undefined : readHouseholds(raw.households, errors);
  const elevators = raw.elevators === undefined ? undefined : readElevators(raw.elevators, errors);
  // elevator-rules.md §4.1: households name their elevator by unit. With valid elevator rows this is
  // checked even when some household rows are invalid (over the valid ones, read again by index: only
  // on this failing path), so every problem shows at once.
  const byIndex: (HouseholdRow | undefined)[] = [];
  if (households === undefined && Array.isArray(raw.households) && elevators !== undefined) readHouseholds(raw.households, [], byIndex);
  const linked = households ?? byIndex;
  if (
    (raw.elevators === undefined || elevators !== undefined) &&
    (elevators !== undefined || linked.some((h) => h?.elevatorPaidFen !== undefined || h?.elevatorWeight !== undefined))
  ) {
    linkElevators(elevators ?? [], linked, errors, households === undefined && raw.households !== undefined);
  }
  if (errors.length > 0) return fail(errors);
  // §6: the project's elevator cost, when given, is the elevators' total cost.
  if (elevators !== undefined && elevators.length > 0 && project!.elevatorCostGiven === true) {
    const total = sumMoney(elevators.map((e) => e.cost));
    if (!total.equals(project!.elevatorCost)) {
      errors.push(
        engineErrorAt(
          "elevator.costMismatch",
          ["project", "elevatorCost"],
          { found: project!.elevatorCost.toFixed(2), total: total.toFixed(2) },
          { costs: ["elevators", "cost"] },
        ),
      );
    }
  }
  if (errors.length > 0) return fail(errors);
  return ok({ policy, project: project!, households, ...(elevators !== undefined ? { elevators } : {}) });
}

/**
 * Validates a raw input object `{ policy?, project, households? }` (the command line's JSON). Every
 * problem is reported, the policy's first.
 * @example validateInput({ project: { area: 8000, costs: { basic: 2000000 } } }).ok // true
 */
export function validateInput(raw: unknown): Result<CalcInput> {
  if (raw === undefined || raw === null) return fail([engineError("json.empty", [])]);
  if (!isPlainObject(raw)) return fail([engineError("type.object", [], { found: describe(raw) })]);
  const errors: EngineError[] = [];
  checkKeys(raw, TOP_KEYS, [], errors);
  const policy = collect(resolvePolicy(raw.policy), errors);
  // When the policy is invalid the rest is still checked (every problem at once); validation does
  // not depend on which policy it is.
  const rest = validateWithPolicy(raw, policy ?? BUILT_IN_POLICIES.default);
  if (!rest.ok) return fail([...errors, ...rest.errors]);
  return errors.length > 0 ? fail(errors) : rest;
}
