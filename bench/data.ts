/** Deterministic synthetic inputs for benchmarks (fixed seed). */
import { rng } from "../src/cli/example-programme";

const STATUSES = ["低保户", "特困供养人员", "困难计生户", "贫困残疾人户", "生活困难职工", "低保户、贫困残疾人户"];

/** A raw calculation input (the CLI's JSON) with n households. */
export function syntheticProject(n: number, seed = 20261130) {
  const r = rng(seed);
  const households = new Array(n);
  let area = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.round((45 + r() * 90) * 100) / 100;
    area += a;
    const p = r();
    const participated = p < 0.85;
    households[i] = {
      id: `${1 + Math.floor(i / 60)}-${(i % 60) + 101}`,
      area: a,
      exclusiveArea: Math.round(a * 86) / 100,
      status: r() < 0.06 ? STATUSES[Math.floor(r() * STATUSES.length)] : "",
      paid: r() < 0.7 ? Math.round(r() * 200000) / 100 : 0,
      participated,
      agreed: participated && r() < 0.9,
    };
  }
  const T = Math.round(area * 420);
  return {
    project: {
      name: `基准项目 ${n} 户`,
      area: Math.round(area * 100) / 100,
      costs: { basic: Math.round(T * 0.55), improvement: Math.round(T * 0.3), enhancement: Math.round(T * 0.15) },
      socialCapital: 100000,
    },
    households,
  };
}
