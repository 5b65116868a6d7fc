/**
 * ELEVATORSUBSIDY and ELEVATORSHARES: one new elevator's subsidy and its households' shares
 * (elevator-rules.md §2–§4; 000 §五(二)1 "按相关办法另行补助"). Every argument is read and checked first,
 * then the engine computes — the same code as the task pane and the command line.
 */
import {
  Fen,
  HouseholdRow,
  MAX_STOREYS,
  Money,
  computeElevators,
  describe,
  elevatorSubsidy,
  engineError,
  fenToYuan,
  moneyToYuan,
  numericText,
  readNumberLike,
} from "../engine";
import { checkSameHeight, isBlank, readAreaColumn, readColumn, readMoneyArg, readOneCell, readOptionalMoneyArg } from "./args";
import { Checked, bad, fromResult, good } from "./issues";
import { readPolicyArg } from "./policy-arg";

/** storeys: a whole number 2 … 200 (a number, or a number typed as text). */
function readStoreysArg(value: unknown): Checked<number> {
  const one = readOneCell(value, "storeys");
  if (!one.ok) return one;
  const n = fromResult(readNumberLike(one.value, ["storeys"]));
  if (!n.ok) return n;
  if (!n.value.isInteger() || n.value.lessThan(2) || n.value.greaterThan(MAX_STOREYS))
    return bad(engineError("elevator.storeys", ["storeys"], { found: describe(one.value) }));
  return good(n.value.toNumber());
}

/** A column of floors: whole numbers 1 … N (numbers typed as text count as the number they show). */
function readFloorColumn(cells: readonly unknown[], storeys: number): Checked<number[]> {
  const out = new Array<number>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    const n = typeof v === "number" ? v : typeof v === "string" ? numericText(v) : undefined;
    if (n === undefined) {
      if (isBlank(v)) return bad(engineError("required", ["floors", i]));
      return bad(engineError("type.number", ["floors", i], { found: describe(v) }));
    }
    if (!Number.isInteger(n) || n < 1 || n > storeys) return bad(engineError("elevator.floorOfStoreys", ["floors", i], { found: describe(v), storeys }));
    out[i] = n;
  }
  return good(out);
}

/**
 * §2: G of one elevator under the policy (mode none / fixed / rate / storeys, minStoreys), 元.
 * cost: 元 ≥ 0; storeys: 2 … 200.
 */
export function elevatorSubsidyOf(cost: unknown, storeys: unknown, policy: unknown): Checked<number> {
  const E = readMoneyArg(cost, "cost");
  if (!E.ok) return E;
  const N = readStoreysArg(storeys);
  if (!N.ok) return N;
  const p = readPolicyArg(policy);
  if (!p.ok) return p;
  return good(moneyToYuan(elevatorSubsidy(E.value, N.value, p.value.elevator).amount));
}

/**
 * §3–§4: the owners' part P = E − G − M − O split over the households (one per row of `floors` and
 * `areas`) by floor coefficient × area — or by coefficient alone when the policy's weight is
 * `household` — to the fen by the largest-remainder rule. One column of shares (元), summing to P.
 */
export function elevatorSharesOf(
  cost: unknown,
  storeys: unknown,
  floors: unknown,
  areas: unknown,
  maintenanceFund: unknown,
  otherFunds: unknown,
  policy: unknown,
): Checked<number[][]> {
  const E = readMoneyArg(cost, "cost");
  if (!E.ok) return E;
  const N = readStoreysArg(storeys);
  if (!N.ok) return N;
  const f = readColumn(floors, "floors");
  if (!f.ok) return f;
  const a = readColumn(areas, "areas");
  if (!a.ok) return a;
  const same = checkSameHeight([
    { arg: "floors", cells: f.value },
    { arg: "areas", cells: a.value },
  ]);
  if (!same.ok) return same;
  const fl = readFloorColumn(f.value, N.value);
  if (!fl.ok) return fl;
  const ar = readAreaColumn(a.value, "areas");
  if (!ar.ok) return ar;
  const M = readOptionalMoneyArg(maintenanceFund, "maintenanceFund");
  if (!M.ok) return M;
  const O = readOptionalMoneyArg(otherFunds, "otherFunds");
  if (!O.ok) return O;
  const p = readPolicyArg(policy);
  if (!p.ok) return p;

  // One elevator shared by every row (its unit "" is never shown: the messages leave an empty unit out).
  const rows = new Array<HouseholdRow>(fl.value.length);
  for (let i = 0; i < rows.length; i++) rows[i] = { id: String(i + 1), area: ar.value[i], statuses: [], paidFen: 0 as Fen, unit: "", floor: fl.value[i] };
  const elevator = { unit: "", storeys: N.value, cost: E.value, maintenanceFund: M.value, otherFunds: O.value as Money };
  const r = computeElevators([elevator], rows, p.value);
  // P < 0 names the funds (maintenanceFund, the first of them); all weights 0 names the floors.
  if (!r.ok) return fromResult(r, (e) => (e.code === "elevator.weightsZero" ? ["floors"] : ["maintenanceFund"]));
  const shares = r.value.elevators[0].shares;
  const out = new Array<number[]>(shares.length);
  for (let i = 0; i < shares.length; i++) out[i] = [fenToYuan(shares[i].share)];
  return good(out);
}
