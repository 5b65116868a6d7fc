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

/** The elevator benchmark's policy (elevator-rules.md §7): rate 0.4 capped at 280,000; floors 1–2 exempt. */
export const ELEVATOR_BENCH_POLICY = {
  base: "default",
  "elevator.subsidy.mode": "rate",
  "elevator.subsidy.rate": 0.4,
  "elevator.subsidy.cap": 280000,
  "elevator.floorCoefficients": "0,0,0.7,0.8,0.9,1.0,1.1,1.2",
};

/** A household of the elevator benchmark (the CLI's JSON members). */
export interface ElevatorBenchHousehold {
  id: string;
  area: number;
  exclusiveArea: number;
  status: string;
  paid: number;
  participated: boolean;
  agreed: boolean;
  unit: string;
  floor: number;
  elevatorPaid?: number;
}

/**
 * `syntheticProject(n)` with `elevators` new elevators: households in runs of n / elevators per unit,
 * floors 1 … N (N from 6 to 10), 60% with an elevator payment; each elevator 500,000–700,000 元 with
 * a maintenance fund, some with other funds.
 */
export function syntheticElevatorProject(n: number, elevators: number, seed = 20261201) {
  const base = syntheticProject(n);
  const r = rng(seed);
  const per = Math.ceil(n / elevators);
  const rows = new Array(elevators);
  for (let e = 0; e < elevators; e++) {
    rows[e] = {
      unit: `${1 + Math.floor(e / 2)}幢${1 + (e % 2)}单元`,
      storeys: 6 + (e % 5),
      cost: 500000 + Math.round(r() * 20000000) / 100,
      maintenanceFund: Math.round(r() * 5000000) / 100,
      ...(e % 3 === 0 ? { otherFunds: 10000 } : {}),
    };
  }
  // Objects built member by member, as JSON.parse and the workbook reader build them (object spreads
  // would give V8 objects far slower to read than any real input).
  const households = base.households.map((h: ElevatorBenchHousehold, i: number): ElevatorBenchHousehold => {
    const e = Math.min(Math.floor(i / per), elevators - 1);
    const floor = 1 + ((i - e * per) % rows[e].storeys);
    const row: ElevatorBenchHousehold = {
      id: h.id,
      area: h.area,
      exclusiveArea: h.exclusiveArea,
      status: h.status,
      paid: h.paid,
      participated: h.participated,
      agreed: h.agreed,
      unit: rows[e].unit,
      floor,
    };
    if (r() < 0.6) row.elevatorPaid = Math.round(r() * 3000000) / 100;
    return row;
  });
  return { policy: ELEVATOR_BENCH_POLICY, project: base.project, households, elevators: rows };
}
