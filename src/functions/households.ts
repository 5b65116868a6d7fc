/**
 * RELIEFRATE and HOUSEHOLDS: per-household shares, relief and grants (funding-rules.md §4;
 * 003 附件3 二; 000 §五(二)1).
 */
import { Fen, HouseholdRow, computeHouseholds, fenToYuan, reliefRate } from "../engine";
import { checkSameHeight, readAreaColumn, readColumn, readStatusCell, readStatusColumn } from "./args";
import { Checked, good } from "./issues";
import { readPolicyArg } from "./policy-arg";
import { fundingFor } from "./project";

/**
 * §4.3 relief rate of one status cell: overlapping statuses take the highest rate (就高不就低);
 * blank → 0. Returned unrounded (a ratio, §2).
 */
export function reliefRateOf(status: unknown, policy: unknown): Checked<number> {
  const s = readStatusCell(status, "status");
  if (!s.ok) return s;
  const p = readPolicyArg(policy);
  if (!p.ok) return p;
  return good(reliefRate(s.value, p.value).toNumber());
}

/**
 * One row per household: gross share, relief, grant, net payable (元). The project's resident total by
 * tier (§3.9) is split over the households by area (§4.1, largest remainder), then relief (§4.3) and the
 * hardship-worker grant (§4.4) are applied.
 */
export function householdsOf(
  areas: unknown,
  statuses: unknown,
  basic: unknown,
  improvement: unknown,
  enhancement: unknown,
  area: unknown,
  social: unknown,
  policy: unknown,
): Checked<number[][]> {
  const areaCells = readColumn(areas, "areas");
  if (!areaCells.ok) return areaCells;
  const statusCells = readColumn(statuses, "statuses");
  if (!statusCells.ok) return statusCells;
  const same = checkSameHeight([
    { arg: "areas", cells: areaCells.value },
    { arg: "statuses", cells: statusCells.value },
  ]);
  if (!same.ok) return same;
  const areaTexts = readAreaColumn(areaCells.value, "areas");
  if (!areaTexts.ok) return areaTexts;
  const keys = readStatusColumn(statusCells.value, "statuses");
  if (!keys.ok) return keys;
  const project = fundingFor(basic, improvement, enhancement, area, social, policy);
  if (!project.ok) return project;

  const rows = new Array<HouseholdRow>(areaTexts.value.length);
  for (let i = 0; i < rows.length; i++) {
    rows[i] = { id: String(i + 1), area: areaTexts.value[i], statuses: keys.value[i], paidFen: 0 as Fen };
  }
  const { households } = computeHouseholds(rows, project.value.funding.residentByTier, project.value.policy);
  const out = new Array<number[]>(households.length);
  for (let i = 0; i < households.length; i++) {
    const h = households[i];
    // Integer fen → 元: fenToYuan is the double nearest the two-decimal amount (no arithmetic on money).
    out[i] = [fenToYuan(h.gross), fenToYuan(h.relief), fenToYuan(h.grant), fenToYuan(h.net)];
  }
  return good(out);
}
