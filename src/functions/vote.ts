/**
 * VOTE: the residents' vote (funding-rules.md §5; 000 §三(一)(三)): 双三分之二 participation and
 * 双四分之三 approval, thresholds inclusive and compared exactly by the engine.
 */
import { engineError, tallyVote } from "../engine";
import { checkSameHeight, readAreaColumn, readColumn, readYesNoColumn } from "./args";
import { Checked, bad, good } from "./issues";

/**
 * areas: m² > 0 per household (专有面积, else 建筑面积). participated, agreed: yes/no cells (§5), blank = no.
 * Returns one row: participation passed, approval passed, then the four ratios (unrounded).
 */
export function voteOf(areas: unknown, participated: unknown, agreed: unknown): Checked<(boolean | number)[][]> {
  const a = readColumn(areas, "areas");
  if (!a.ok) return a;
  const p = readColumn(participated, "participated");
  if (!p.ok) return p;
  const g = readColumn(agreed, "agreed");
  if (!g.ok) return g;
  const same = checkSameHeight([
    { arg: "areas", cells: a.value },
    { arg: "participated", cells: p.value },
    { arg: "agreed", cells: g.value },
  ]);
  if (!same.ok) return same;
  const texts = readAreaColumn(a.value, "areas");
  if (!texts.ok) return texts;
  const part = readYesNoColumn(p.value, "participated");
  if (!part.ok) return part;
  const agree = readYesNoColumn(g.value, "agreed");
  if (!agree.ok) return agree;
  const rows = new Array<{ area: string; participated: boolean; agreed: boolean }>(texts.value.length);
  for (let i = 0; i < rows.length; i++) {
    // §5: a household that agreed must have participated.
    if (agree.value[i] && !part.value[i]) return bad(engineError("vote.agreedWithoutParticipated", ["agreed", i]));
    rows[i] = { area: texts.value[i], participated: part.value[i], agreed: agree.value[i] };
  }
  const v = tallyVote(rows);
  return good([[v.participationPassed, v.approvalPassed, v.participationAreaRatio, v.participationCountRatio, v.approvalAreaRatio, v.approvalCountRatio]]);
}
