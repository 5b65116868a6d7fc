/**
 * The resident vote (funding-rules.md §5; 000 §三(一), §三(三)): 双三分之二 participation and
 * 双四分之三 approval, thresholds inclusive ("以上" includes the number) and compared exactly
 * (3·part ≥ 2·total) on integers, never on rounded ratios.
 */
import Decimal from "decimal.js";
import { Exact } from "./money";
import { X, XInt, xToDecimal } from "./exact-int";
import { DecimalValue, scaleValues } from "./fixed";

export interface VoteRow {
  /** 建筑面积 m², > 0: the vote weight where no exclusive area is given. */
  readonly area: DecimalValue;
  /** 专有面积 m², > 0 (§5: the vote weight). */
  readonly exclusiveArea?: DecimalValue;
  /** Blank (undefined) = did not participate. */
  readonly participated?: boolean;
  /** Must imply participated (validated upstream). */
  readonly agreed?: boolean;
}

/** The vote as the JSON output gives it: the result without its exact detail (calculate.ts, elevator-output.ts). */
export type VoteJson = Omit<VoteResult, "detail">;

/** A vote for the JSON output. */
export function voteJson(v: VoteResult): VoteJson {
  const { detail: _detail, ...rest } = v;
  return rest;
}

export interface VoteResult {
  readonly participationPassed: boolean;
  readonly approvalPassed: boolean;
  /** participating area / total area (unrounded). */
  readonly participationAreaRatio: number;
  /** participating households / all households. */
  readonly participationCountRatio: number;
  /** agreeing area / participating area (0 when nobody participated). */
  readonly approvalAreaRatio: number;
  /** agreeing households / participating households (0 when nobody participated). */
  readonly approvalCountRatio: number;
  /** Exact area sums (m²) and counts, for the audit sheet. */
  readonly detail: {
    readonly totalArea: Decimal;
    readonly participatingArea: Decimal;
    readonly agreeingArea: Decimal;
    readonly households: number;
    readonly participating: number;
    readonly agreeing: number;
  };
}

/** part / whole ≥ num / den, exactly (cross-multiplied in exact Decimals: 3 · 2^53 is past a double). */
function atLeast(part: Decimal | number, whole: Decimal | number, num: number, den: number): boolean {
  return new Exact(den).times(part).greaterThanOrEqualTo(new Exact(num).times(whole));
}

function ratio(a: Decimal, b: Decimal): number {
  return b.isZero() ? 0 : a.dividedBy(b).toNumber();
}

/** Area sums up to 2^50 (scaled): 4 × the sum is still an exact double, so every threshold compares exactly. */
const FAST_AREA_LIMIT = 2 ** 50;

/**
 * a / b for safe integers a, b ≥ 0: IEEE division of two exact integers is the correctly rounded
 * quotient — the same number as the exact quotient's nearest double, without a 1,000-digit division
 * (which the vote of every elevator would otherwise pay for).
 */
function safeRatio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Participating and agreeing sums of the vote rows, and the counts. */
export interface VoteSums {
  /** Scaled integers (area × 10^scale), exact. */
  readonly participatingArea: XInt;
  readonly agreeingArea: XInt;
  readonly participating: number;
  readonly agreeing: number;
}

/** The sums in doubles: exact when Σ areas is a safe integer (every partial sum is then safe too). */
export function voteSumsInDoubles(rows: readonly VoteRow[], areas: Float64Array): VoteSums {
  let p = 0;
  let g = 0;
  let nPart = 0;
  let nAgree = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].participated !== true) continue;
    p += areas[i];
    nPart++;
    if (rows[i].agreed === true) {
      g += areas[i];
      nAgree++;
    }
  }
  return { participatingArea: X.fromNumber(p), agreeingArea: X.fromNumber(g), participating: nPart, agreeing: nAgree };
}

/** The sums in exact Decimals (any size). */
export function voteSumsExactly(rows: readonly VoteRow[], areas: readonly XInt[]): VoteSums {
  let p = X.fromNumber(0);
  let g = X.fromNumber(0);
  let nPart = 0;
  let nAgree = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].participated !== true) continue;
    p = X.add(p, areas[i]);
    nPart++;
    if (rows[i].agreed === true) {
      g = X.add(g, areas[i]);
      nAgree++;
    }
  }
  return { participatingArea: p, agreeingArea: g, participating: nPart, agreeing: nAgree };
}

/**
 * Tallies the vote. Each household row counts once.
 * @example tallyVote([{ area: "60", participated: true, agreed: true }, { area: "30", participated: false, agreed: false }])
 *   // participation: area 60/90 = 2/3 ✓ but count 1/2 < 2/3 → not passed
 */
export function tallyVote(rows: readonly VoteRow[]): VoteResult {
  // §5: each row's vote weight is its exclusive area, the household area where none is given.
  const areas = scaleValues(rows.map((r) => r.exclusiveArea ?? r.area));
  const n = rows.length;
  // Area sums in doubles (areas.nums) are safe integers; below 2^50, 3·x and 4·x are exact in doubles too,
  // so the thresholds are compared and the ratios divided without exact Decimals (the vote of every
  // elevator of a programme pays for these). Counts are small integers: always compared in doubles.
  if (areas.nums !== undefined && X.toNumber(areas.sum) <= FAST_AREA_LIMIT) {
    const s = voteSumsInDoubles(rows, areas.nums);
    const [p, g, t] = [X.toNumber(s.participatingArea), X.toNumber(s.agreeingArea), X.toNumber(areas.sum)];
    const np = s.participating;
    const na = s.agreeing;
    // 000 §三(一): 专有部分面积占比三分之二以上 且 人数占比三分之二以上.
    const participationPassed = n > 0 && 3 * p >= 2 * t && 3 * np >= 2 * n;
    // 000 §三(一): 参与表决专有部分面积四分之三以上 且 参与表决人数四分之三以上 同意.
    const approvalPassed = participationPassed && 4 * g >= 3 * p && 4 * na >= 3 * np;
    const m2 = (x: number) => new Exact(areas.scale === 0 ? String(x) : `${x}e-${areas.scale}`);
    return {
      participationPassed,
      approvalPassed,
      participationAreaRatio: safeRatio(p, t),
      participationCountRatio: safeRatio(np, n),
      approvalAreaRatio: safeRatio(g, p),
      approvalCountRatio: safeRatio(na, np),
      detail: { totalArea: m2(t), participatingArea: m2(p), agreeingArea: m2(g), households: n, participating: np, agreeing: na },
    };
  }
  const sums = areas.nums !== undefined ? voteSumsInDoubles(rows, areas.nums) : voteSumsExactly(rows, areas.exact());
  const part = xToDecimal(sums.participatingArea);
  const agree = xToDecimal(sums.agreeingArea);
  const total = xToDecimal(areas.sum);
  const np = sums.participating;
  const na = sums.agreeing;
  // 000 §三(一): 专有部分面积占比三分之二以上 且 人数占比三分之二以上.
  const participationPassed = n > 0 && atLeast(part, total, 2, 3) && atLeast(np, n, 2, 3);
  // 000 §三(一): 参与表决专有部分面积四分之三以上 且 参与表决人数四分之三以上 同意.
  const approvalPassed = participationPassed && atLeast(agree, part, 3, 4) && atLeast(na, np, 3, 4);
  const m2 = (x: Decimal) => x.dividedBy(new Exact(10).pow(areas.scale));
  return {
    participationPassed,
    approvalPassed,
    participationAreaRatio: ratio(part, total),
    participationCountRatio: safeRatio(np, n),
    approvalAreaRatio: ratio(agree, part),
    approvalCountRatio: safeRatio(na, np),
    detail: {
      totalArea: m2(total),
      participatingArea: m2(part),
      agreeingArea: m2(agree),
      households: rows.length,
      participating: sums.participating,
      agreeing: sums.agreeing,
    },
  };
}
