/**
 * The same steps as the engine in plain binary floating point — NOT correct to the fen, only the speed
 * limit the engine is measured against (issue: benchmark). Never use for money.
 */
type Raw = ReturnType<typeof import("./data").syntheticProject>;

const RATES: Record<string, number> = { 低保户: 0.7, 特困供养人员: 1, 困难计生户: 0.7, 贫困残疾人户: 0.7, 生活困难职工: 0 };

export function split(total: number, weights: number[]): number[] {
  const S = weights.reduce((a, b) => a + b, 0);
  const fen = Math.round(total * 100);
  const parts = new Array<number>(weights.length);
  const rem = new Float64Array(weights.length);
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const x = (fen * weights[i]) / S;
    parts[i] = Math.floor(x);
    rem[i] = x - parts[i];
    given += parts[i];
  }
  const order = Array.from({ length: weights.length }, (_, i) => i).sort((a, b) => rem[b] - rem[a] || a - b);
  for (let k = 0; k < fen - given; k++) parts[order[k]]++;
  return parts;
}

export function plainCalculate(raw: Raw) {
  const seen = new Set<string>();
  for (const h of raw.households) {
    if (typeof h.area !== "number" || !(h.area > 0) || seen.has(h.id)) throw new Error("bad");
    seen.add(h.id);
  }
  const c = raw.project.costs;
  const T = c.basic + c.improvement + c.enhancement;
  const R0 = Math.round((0.1 * c.basic + 0.3 * c.improvement + 0.7 * c.enhancement) * 100) / 100;
  const F0 = T - R0 - raw.project.socialCapital;
  const F = Math.min(F0, Math.floor(300 * raw.project.area * 100) / 100);
  const X = F0 - F;
  const D = 0.9 * c.basic + 0.7 * c.improvement + 0.3 * c.enhancement;
  const tiers = split(R0 + X, [
    0.1 * c.basic + (X * c.basic * 0.9) / D,
    0.3 * c.improvement + (X * c.improvement * 0.7) / D,
    0.7 * c.enhancement + (X * c.enhancement * 0.3) / D,
  ]);
  const areas = raw.households.map((h) => h.area);
  const shares = tiers.map((t) => split(t / 100, areas));
  let net = 0;
  let collected = 0;
  let pArea = 0;
  let tArea = 0;
  let aArea = 0;
  let np = 0;
  let na = 0;
  for (let i = 0; i < areas.length; i++) {
    const h = raw.households[i];
    let rate = 0;
    let worker = false;
    for (const s of h.status.split(/[、,，;；/\s]+/)) {
      if (s === "") continue;
      rate = Math.max(rate, RATES[s]);
      if (s === "生活困难职工") worker = true;
    }
    const gross = shares[0][i] + shares[1][i] + shares[2][i];
    const relief = Math.round(rate * (shares[1][i] + shares[2][i]));
    const grant = worker ? Math.min(100000, gross - relief) : 0;
    const n = gross - relief - grant;
    net += n;
    collected += Math.min(Math.round(h.paid * 100), n);
    tArea += h.exclusiveArea;
    if (h.participated) {
      pArea += h.exclusiveArea;
      np++;
      if (h.agreed) {
        aArea += h.exclusiveArea;
        na++;
      }
    }
  }
  return { F, net, collected, pass: 3 * pArea >= 2 * tArea && 3 * np >= 2 * areas.length, approve: 4 * aArea >= 3 * pArea && 4 * na >= 3 * np };
}
