/**
 * The elevator steps (elevator-rules.md §2–§5) in plain binary floating point — NOT correct to the fen,
 * only the speed limit the engine is measured against (bench/elevator.bench.ts). Never use for money.
 */
import { split } from "./plain";

type Raw = ReturnType<typeof import("./data").syntheticElevatorProject>;

const COEFFICIENTS = [0, 0, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2];

export function plainElevators(raw: Raw) {
  const byUnit = new Map<string, number>();
  raw.elevators.forEach((e, i) => {
    if (byUnit.has(e.unit.normalize("NFKC").trim()) || !(e.storeys >= 2) || !(e.cost >= 0)) throw new Error("bad");
    byUnit.set(e.unit.normalize("NFKC").trim(), i);
  });
  const members: number[][] = raw.elevators.map(() => []);
  raw.households.forEach((h, k) => {
    const e = byUnit.get(String(h.unit).normalize("NFKC").trim());
    if (e === undefined) return;
    if (!(h.floor >= 1 && h.floor <= raw.elevators[e].storeys && Number.isInteger(h.floor))) throw new Error("bad floor");
    if (h.elevatorPaid !== undefined && !(h.elevatorPaid >= 0)) throw new Error("bad paid");
    members[e].push(k);
  });
  let owners = 0;
  let net = 0;
  let collected = 0;
  let passed = 0;
  raw.elevators.forEach((e, i) => {
    const G = Math.min(Math.round(0.4 * e.cost * 100) / 100, 280000, e.cost);
    const P = e.cost - G - e.maintenanceFund - (e.otherFunds ?? 0);
    if (P < 0) throw new Error("funds exceed cost");
    const hs = members[i].map((k) => raw.households[k]);
    const w = hs.map((h) => COEFFICIENTS[Math.min(h.floor, COEFFICIENTS.length) - 1] * h.area);
    const shares = split(P, w);
    let pArea = 0;
    let tArea = 0;
    let np = 0;
    let na = 0;
    for (let j = 0; j < hs.length; j++) {
      const paid = Math.round((hs[j].elevatorPaid ?? 0) * 100);
      owners += shares[j];
      net += shares[j];
      collected += Math.min(paid, shares[j]);
      tArea += hs[j].exclusiveArea;
      if (hs[j].participated) {
        pArea += hs[j].exclusiveArea;
        np++;
        if (hs[j].agreed) na++;
      }
    }
    if (3 * pArea >= 2 * tArea && 3 * np >= 2 * hs.length && 4 * na >= 3 * np) passed++;
  });
  return { owners, net, collected, passed };
}
