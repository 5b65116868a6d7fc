/**
 * The resident vote (funding-rules.md §5; 000 §三(一), §三(三)): 双三分之二 participation and
 * 双四分之三 approval, thresholds inclusive ("以上" includes the number) and compared exactly
 * (3·part ≥ 2·total) on integers, never on rounded ratios.
 */
import { scaleTexts } from "./fixed";

export interface VoteRow {
  /** 建筑面积 m² as plain decimal text, > 0: the vote weight where no exclusive area is given. */
  readonly area: string;
  /** 专有面积 m² as plain decimal text, > 0 (§5: the vote weight). */
  readonly exclusiveArea?: string;
  /** Blank (undefined) = did not participate. */
  readonly participated?: boolean;
  /** Must imply participated (validated upstream). */
  readonly agreed?: boolean;
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
  /** Exact sums (area × 10^scale) and counts, for the audit sheet. */
  readonly detail: {
    readonly scale: number;
    readonly totalArea: bigint;
    readonly participatingArea: bigint;
    readonly agreeingArea: bigint;
    readonly households: number;
    readonly participating: number;
    readonly agreeing: number;
  };
}

/** part / whole ≥ num / den, exactly. */
function atLeast(part: bigint, whole: bigint, num: bigint, den: bigint): boolean {
  return den * part >= num * whole;
}

function ratio(a: bigint, b: bigint): number {
  return b === 0n ? 0 : Number(a) / Number(b);
}

/**
 * Tallies the vote. Each household row counts once.
 * @example tallyVote([{ area: "60", participated: true, agreed: true }, { area: "30", participated: false, agreed: false }])
 *   // participation: area 60/90 = 2/3 ✓ but count 1/2 < 2/3 → not passed
 */
export function tallyVote(rows: readonly VoteRow[]): VoteResult {
  // §5: each row's vote weight is its exclusive area, the household area where none is given.
  const areas = scaleTexts(rows.map((r) => r.exclusiveArea ?? r.area));
  const total = areas.sum;
  let part = 0n;
  let agree = 0n;
  let nPart = 0;
  let nAgree = 0;
  if (areas.nums !== undefined) {
    // Σ areas is a safe integer, so every partial sum in doubles is exact.
    const a = areas.nums;
    let p = 0;
    let g = 0;
    for (let i = 0; i < rows.length; i++) {
      if (rows[i].participated !== true) continue;
      p += a[i];
      nPart++;
      if (rows[i].agreed === true) {
        g += a[i];
        nAgree++;
      }
    }
    part = BigInt(p);
    agree = BigInt(g);
  } else {
    const a = areas.bigs();
    for (let i = 0; i < rows.length; i++) {
      if (rows[i].participated !== true) continue;
      part += a[i];
      nPart++;
      if (rows[i].agreed === true) {
        agree += a[i];
        nAgree++;
      }
    }
  }
  const scale = areas.scale;
  const n = BigInt(rows.length);
  const np = BigInt(nPart);
  const na = BigInt(nAgree);
  // 000 §三(一): 专有部分面积占比三分之二以上 且 人数占比三分之二以上.
  const participationPassed = rows.length > 0 && atLeast(part, total, 2n, 3n) && atLeast(np, n, 2n, 3n);
  // 000 §三(一): 参与表决专有部分面积四分之三以上 且 参与表决人数四分之三以上 同意.
  const approvalPassed = participationPassed && atLeast(agree, part, 3n, 4n) && atLeast(na, np, 3n, 4n);
  return {
    participationPassed,
    approvalPassed,
    participationAreaRatio: ratio(part, total),
    participationCountRatio: ratio(np, n),
    approvalAreaRatio: ratio(agree, part),
    approvalCountRatio: ratio(na, np),
    detail: { scale, totalArea: total, participatingArea: part, agreeingArea: agree, households: rows.length, participating: nPart, agreeing: nAgree },
  };
}
