/**
 * Validation of the elevator rows and of how households name them (elevator-rules.md §1, §4.1, §6).
 * Every problem is reported with its path (`elevators[2].storeys`, `households[5].floor`) before
 * anything is computed, like the rest of the input (input.ts).
 */
import { EngineError, Path, Result, describe, engineError, engineErrorAt, fail, ok } from "./errors";
import { Money, ZERO_MONEY, moneyToFen } from "./money";
import { MONEY_LIMIT_FEN, readFiniteNumber, readMoney, readText } from "./read";
import { HouseholdRow } from "./households";
import { DecimalValue } from "./fixed";

/** True when a value is > 0 (a number, or a plain decimal text without exponent). */
const isPositiveValue = (v: DecimalValue): boolean => (typeof v === "number" ? v > 0 : !v.startsWith("-") && /[1-9]/.test(v));

/** One new elevator (加装电梯 row), validated. */
export interface ElevatorRow {
  /** 单元 as written (trimmed), e.g. `3幢2单元`. */
  readonly unit: string;
  /** 层数 N: floors served, an integer 2 … 200. */
  readonly storeys: number;
  /** 造价 E, 元 ≥ 0. */
  readonly cost: Money;
  /** 维修资金 M, 元 ≥ 0 (default 0). */
  readonly maintenanceFund: Money;
  /** 其他资金 O, 元 ≥ 0 (default 0). */
  readonly otherFunds: Money;
  /** 补助金额: the approved subsidy (official notice), replacing the policy's; ≤ cost. */
  readonly subsidy?: Money;
}

/** Members of a JSON elevator row (`note` is accepted and ignored, as for households). */
export const ELEVATOR_KEYS = ["unit", "storeys", "cost", "maintenanceFund", "otherFunds", "subsidy", "note"];

/** Largest storey count accepted (also the policy's limit for `minStoreys` and `byStoreys`). */
export const MAX_STOREYS = 200;

/**
 * How units are compared (§4.1): spaces around trimmed, full-width forms folded (NFKC), so that
 * `３幢２单元 ` names `3幢2单元`.
 */
export function unitKey(unit: string): string {
  return unit.normalize("NFKC").trim();
}

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof Date) && typeof (x as { toFixed?: unknown }).toFixed !== "function";

function readStoreys(value: unknown, path: Path): Result<number> {
  const n = readFiniteNumber(value, path);
  if (!n.ok) return n;
  if (!n.value.isInteger() || n.value.lessThan(2) || n.value.greaterThan(MAX_STOREYS))
    return fail([engineError("elevator.storeys", path, { found: describe(value) })]);
  return ok(n.value.toNumber());
}

function readElevator(raw: unknown, i: number, errors: EngineError[]): ElevatorRow | undefined {
  const at = (field?: string): Path => (field === undefined ? ["elevators", i] : ["elevators", i, field]);
  if (!isPlainObject(raw)) {
    errors.push(engineError("type.object", at(), { found: describe(raw) }));
    return undefined;
  }
  const before = errors.length;
  for (const k of Object.keys(raw)) if (!ELEVATOR_KEYS.includes(k)) errors.push(engineError("field.unknown", at(k), { found: k, accepted: ELEVATOR_KEYS }));
  let unit: string | undefined;
  if (raw.unit === undefined || raw.unit === null) errors.push(engineError("required", at("unit")));
  else {
    const t = readText(raw.unit, at("unit"));
    if (!t.ok) errors.push(...t.errors);
    else if (t.value === undefined || unitKey(t.value) === "") errors.push(engineError("elevator.unitEmpty", at("unit")));
    else unit = t.value.trim();
  }
  const collect = <T>(r: Result<T>): T | undefined => {
    if (r.ok) return r.value;
    errors.push(...r.errors);
    return undefined;
  };
  const storeys = collect(readStoreys(raw.storeys, at("storeys")));
  const cost = collect(readMoney(raw.cost, at("cost")));
  const maintenanceFund = collect(readMoney(raw.maintenanceFund, at("maintenanceFund"), ZERO_MONEY));
  const otherFunds = collect(readMoney(raw.otherFunds, at("otherFunds"), ZERO_MONEY));
  let subsidy: Money | undefined;
  if (raw.subsidy !== undefined && raw.subsidy !== null) {
    subsidy = collect(readMoney(raw.subsidy, at("subsidy")));
    // §2: an approved subsidy replaces the computed G and must not exceed E.
    if (subsidy !== undefined && cost !== undefined && subsidy.greaterThan(cost)) {
      errors.push(engineError("elevator.subsidyAboveCost", at("subsidy"), { found: subsidy.toFixed(2), cost: cost.toFixed(2) }));
    }
  }
  if (errors.length > before) return undefined;
  return {
    unit: unit!,
    storeys: storeys!,
    cost: cost!,
    maintenanceFund: maintenanceFund!,
    otherFunds: otherFunds!,
    ...(subsidy !== undefined ? { subsidy } : {}),
  };
}

/**
 * Reads the `elevators` member: an array of rows. Every row is checked; a unit given twice names both
 * rows; Σ cost above 1万亿 元 is an error (every elevator total then stays exact in safe integers).
 */
export function readElevators(raw: unknown, errors: EngineError[]): ElevatorRow[] | undefined {
  if (!Array.isArray(raw)) {
    errors.push(engineError("type.array", ["elevators"], { found: describe(raw) }));
    return undefined;
  }
  const before = errors.length;
  const rows: ElevatorRow[] = [];
  const seen = new Map<string, number>();
  let total = 0;
  let reported = false;
  for (let i = 0; i < raw.length; i++) {
    const row = readElevator(raw[i], i, errors);
    if (row === undefined) continue;
    const key = unitKey(row.unit);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(engineErrorAt("elevator.unitDuplicate", ["elevators", i, "unit"], { found: row.unit }, { first: ["elevators", first, "unit"] }));
    } else seen.set(key, i);
    total += moneyToFen(row.cost);
    if (total > MONEY_LIMIT_FEN && !reported) {
      errors.push(engineError("money.totalTooLarge", ["elevators", i, "cost"], { what: "电梯造价", whatEn: "elevator costs" }));
      reported = true;
    }
    rows.push(row);
  }
  return errors.length > before ? undefined : rows;
}

/** Which households share which elevator (§4.1). */
export interface ElevatorLinks {
  /** Household indices of each elevator, in household order. */
  readonly members: readonly (readonly number[])[];
  /** Elevator index of each household, −1 when it shares none. */
  readonly elevatorOf: Int32Array;
  /** Units named by households that have no elevator, with how many households name each (first spelling kept). */
  readonly unitsWithoutElevator: readonly { readonly unit: string; readonly households: number }[];
}

/** Links of valid tables, by the elevator rows (the tables are read-only values). */
const linkCache = new WeakMap<readonly ElevatorRow[], { readonly households: readonly (HouseholdRow | undefined)[]; readonly links: ElevatorLinks }>();

/**
 * Links households to elevators by unit (§4.1) and reports every household or elevator that does not
 * fit: an elevator no household names, a household of an elevator without a floor or with a floor
 * outside 1 … N, and a household with 电梯已缴 or an 电梯分摊权重 above 0 whose unit has no elevator
 * (money or an agreed weight would otherwise be silently ignored — a misspelt unit). households: the
 * rows by index; `partial` when some rows are missing (invalid): their problems are reported, no links.
 * @example linkElevators([{ unit: "1幢1单元", storeys: 6, … }], [{ unit: "1幢1单元", floor: 3, … }], errors).members // [[0]]
 */
export function linkElevators(
  elevators: readonly ElevatorRow[],
  households: readonly (HouseholdRow | undefined)[],
  errors: EngineError[],
  partial = false,
): ElevatorLinks | undefined {
  // Validation links the rows and the calculation needs the same links: made once per pair of tables.
  const cached = linkCache.get(elevators);
  if (cached !== undefined && cached.households === households) return cached.links;
  const before = errors.length;
  const byUnit = new Map<string, number>();
  elevators.forEach((e, i) => {
    const k = unitKey(e.unit);
    if (!byUnit.has(k)) byUnit.set(k, i);
  });
  const keys = new Map<string, string>();
  const members = elevators.map((): number[] => []);
  const elevatorOf = new Int32Array(households.length).fill(-1);
  const without = new Map<string, { unit: string; households: number }>();
  for (let k = 0; k < households.length; k++) {
    const h = households[k];
    if (h === undefined) continue;
    // Units repeat (one per household of a stairway): fold each distinct spelling once.
    let key: string | undefined;
    if (h.unit !== undefined) {
      key = keys.get(h.unit);
      if (key === undefined) keys.set(h.unit, (key = unitKey(h.unit)));
    }
    const e = key === undefined ? undefined : byUnit.get(key);
    if (e === undefined) {
      if (key !== undefined && key !== "") {
        const w = without.get(key);
        if (w === undefined) without.set(key, { unit: h.unit!.trim(), households: 1 });
        else w.households++;
      }
      const unit = key ?? "";
      if (h.elevatorPaidFen !== undefined && h.elevatorPaidFen > 0) {
        errors.push(engineError("elevator.noElevator", ["households", k, "elevatorPaid"], { unit, field: "电梯已缴", fieldEn: "an elevator payment" }));
      }
      if (h.elevatorWeight !== undefined && isPositiveValue(h.elevatorWeight)) {
        errors.push(engineError("elevator.noElevator", ["households", k, "elevatorWeight"], { unit, field: "电梯分摊权重", fieldEn: "an elevator weight" }));
      }
      continue;
    }
    const N = elevators[e].storeys;
    if (h.floorError !== undefined) errors.push(h.floorError);
    else if (h.floor === undefined) errors.push(engineError("elevator.floorMissing", ["households", k, "floor"], { unit: elevators[e].unit }));
    else if (h.floor < 1 || h.floor > N) {
      errors.push(engineError("elevator.floorRange", ["households", k, "floor"], { found: String(h.floor), unit: elevators[e].unit, storeys: N }));
    }
    elevatorOf[k] = e;
    members[e].push(k);
  }
  // (Over a partial table the rows naming an elevator may be the invalid ones: not checked then.)
  elevators.forEach((e, i) => {
    if (members[i].length === 0 && !partial) errors.push(engineError("elevator.noHouseholds", ["elevators", i, "unit"], { unit: e.unit }));
  });
  if (errors.length > before || partial) return undefined;
  const links = { members, elevatorOf, unitsWithoutElevator: [...without.values()] };
  linkCache.set(elevators, { households, links });
  return links;
}
