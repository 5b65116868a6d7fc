/**
 * A programme-scale example (issue 6 §3): the 22 projects of Sanyuan's 2022 plan (004: 22 个项目,
 * 12197 户, 330 栋, 99.7万 m², 总投资 1.8亿) as 22 standard workbooks with invented but realistic data —
 * fixed seed, common Chinese names, hardship statuses at plausible rates, some households unpaid,
 * some projects settled (决算 filled), some fully collected, one vote that fails, and four projects with
 * new elevators (elevator-rules.md: one per stairway of 3 storeys or more, Σ cost = the project's
 * elevator cost, a different local subsidy rule each).
 */
import * as fs from "fs";
import * as path from "path";
import { calculate } from "../engine";
import { ExampleInput } from "../workbook";
import { templateBook, workbookBytes } from "../xlsx";
import { writeFileAtomic } from "./io";

/** 004: 计划启动实施项目22个，涉及改造户数12197户、楼栋数330栋. */
export const PROGRAMME = { projects: 22, households: 12_197, buildings: 330 } as const;

/** mulberry32: a small fixed-seed generator (the same files on every machine). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Common surnames, Fujian-weighted (林、陈、黄 first), and given-name characters.
const SURNAMES = "林陈黄张李王吴刘郑杨罗邱蔡谢许徐周赖曾肖廖朱何叶余卢江胡高魏钟苏游傅梁邓池温饶范严韩宋姚唐涂詹连沈马丁".split("");
const GIVEN =
  "建国华明丽芳秀英玉兰美金春志强伟敏静军平海燕红文德福荣清水木火土山林永长生发财宝珍惠慧霞梅凤云娟婷辉斌鹏涛杰峰晓东琴萍亮龙凯彬健斌新立忠诚光明".split("");
const COMMUNITIES = [
  "列东新村",
  "东新二路小区",
  "红印山小区",
  "列西公寓",
  "徐碧一村",
  "徐碧二村",
  "城关农行宿舍",
  "新市北路小区",
  "白沙桥头小区",
  "富兴堡小区",
  "梅列公寓",
  "崇桂新村",
  "下洋小区",
  "翠竹苑",
  "建新小区",
  "工人新村",
  "台江路小区",
  "绿岩新村",
  "五路街坊",
  "三路街坊",
  "长安路小区",
  "和平里小区",
];
const STREETS = ["列东街道", "列西街道", "城关街道", "白沙街道", "富兴堡街道", "徐碧街道"];
const UNIT_AREAS = [52.36, 61.8, 68.45, 74.52, 82.9, 88.64, 96.2, 108.37, 125.74];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

function personName(r: () => number): string {
  const s = pick(r, SURNAMES);
  return r() < 0.3 ? s + pick(r, GIVEN) : s + pick(r, GIVEN) + pick(r, GIVEN);
}

/** Statuses at plausible rates (低保 ~2.5 %, 特困 ~0.4 %, 困难计生 ~0.5 %, 贫困残疾 ~0.8 %, 困难职工 ~1.2 %). */
function status(r: () => number): string | undefined {
  const x = r();
  if (x < 0.025) return "低保户";
  if (x < 0.029) return "特困供养人员";
  if (x < 0.034) return "困难计生户";
  if (x < 0.042) return "贫困残疾人户";
  if (x < 0.054) return "生活困难职工";
  if (x < 0.057) return "低保户、贫困残疾人户";
  return undefined;
}

/** Splits `total` into `n` positive integers around total/n (spread ±spread), summing exactly. */
function split(r: () => number, total: number, n: number, spread: number): number[] {
  const w = Array.from({ length: n }, () => 1 - spread + 2 * spread * r());
  const s = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.max(1, Math.floor((x / s) * total)));
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; left !== 0; i = (i + 1) % n) {
    const d = left > 0 ? 1 : -1;
    if (parts[i] + d >= 1) {
      parts[i] += d;
      left -= d;
    }
  }
  return parts;
}

export interface GeneratedProject {
  readonly file: string;
  readonly input: ExampleInput;
  readonly settlement?: Record<string, number>;
  /** The stage the workbook will be calculated on. */
  readonly stage: "estimate" | "settlement";
}

/** The elevator rules of the four projects with elevators (published examples of elevator-rules.md). */
const ELEVATOR_POLICIES: readonly Record<string, string | number>[] = [
  // Shanghai-like: 40% of the cost up to 28万 per elevator; Guangzhou's coefficients (floors 1–2 exempt).
  {
    "elevator.subsidy.mode": "rate",
    "elevator.subsidy.rate": 0.4,
    "elevator.subsidy.cap": 280000,
    "elevator.floorCoefficients": "0,0,0.7,0.8,0.9,1.0,1.1,1.2",
  },
  // Jinan-like: by storeys.
  { "elevator.subsidy.mode": "storeys", "elevator.subsidy.byStoreys": "4:160000,5:180000,6:200000,7:220000", "elevator.floorCoefficients": "0,0,0.8,1,1.2" },
  // Chengdu-like: 20万 for 6 storeys or more.
  { "elevator.subsidy.mode": "fixed", "elevator.subsidy.amount": 200000, "elevator.subsidy.minStoreys": 6, "elevator.floorCoefficients": "0,0.3,0.8,1" },
  // Qingdao-like: 10万 per elevator, per household by floor.
  { "elevator.subsidy.mode": "fixed", "elevator.subsidy.amount": 100000, "elevator.floorCoefficients": "0,0.5,1", "elevator.weight": "household" },
];

/**
 * One elevator per stairway of 3 storeys or more, as many as `elevatorCost` / 30万 (2, 4 or 6), costing
 * about 30万 each and together exactly `elevatorCost`; 维修资金 on most.
 */
function programmeElevators(r: () => number, households: readonly Record<string, unknown>[], elevatorCost: number): Record<string, unknown>[] {
  const top = new Map<string, number>();
  for (const h of households) top.set(h.unit as string, Math.max(top.get(h.unit as string) ?? 0, h.floor as number));
  const units = [...top].filter(([, f]) => f >= 3);
  const n = Math.min(Math.round(elevatorCost / 300_000), units.length);
  const costs = split(r, elevatorCost / 100, n, 0.15).map((c) => c * 100);
  return units.slice(0, n).map(([unit, storeys], i) => ({
    unit,
    storeys,
    cost: costs[i],
    ...(r() < 0.8 ? { maintenanceFund: 10_000 * (1 + Math.floor(4 * r())) } : {}),
  }));
}

/** The 22 projects as data (pure: same seed, same projects). */
export function programmeProjects(seed = 2022): GeneratedProject[] {
  const r = rng(seed);
  const counts = split(r, PROGRAMME.households, PROGRAMME.projects, 0.65);
  const buildings = split(r, PROGRAMME.buildings, PROGRAMME.projects, 0.3);
  const out: GeneratedProject[] = [];
  for (let p = 0; p < PROGRAMME.projects; p++) {
    const n = counts[p];
    const nb = Math.min(buildings[p], n);
    const perBuilding = split(r, n, nb, 0.25);
    const fullyPaid = p % 4 === 1; // ~a quarter of the projects have collected everything
    const withElevators = p % 6 === 0; // the projects with an elevator cost (below)
    const participation = p === 7 ? 0.6 : 0.8 + 0.17 * r();
    const agreement = 0.85 + 0.13 * r();
    const households: Record<string, unknown>[] = [];
    let areaCenti = 0;
    perBuilding.forEach((k, b) => {
      const units = k > 24 ? 3 : 2;
      const typeA = pick(r, UNIT_AREAS);
      const typeB = pick(r, UNIT_AREAS);
      for (let i = 0; i < k; i++) {
        const unit = (i % units) + 1;
        const floor = Math.floor(i / (units * 2)) + 1;
        const room = floor * 100 + (Math.floor(i / units) % 2) + 1;
        const area = i % 2 === 0 ? typeA : typeB;
        areaCenti += Math.round(area * 100);
        const participated = r() < participation;
        const st = status(r);
        households.push({
          id: `${b + 1}-${unit}-${room}`,
          owner: personName(r),
          area,
          exclusiveArea: Math.round(area * 86) / 100,
          ...(st !== undefined ? { status: st } : {}),
          participated,
          agreed: participated && r() < agreement,
          ...(withElevators ? { unit: `${b + 1}幢${unit}单元`, floor } : {}),
        });
      }
    });
    const area = areaCenti / 100;
    // 元/m²: most projects well under the 300 元/m² subsidy cap; two above it (cap binds, 000 §五(二)1).
    const perSqm = p === 3 || p === 15 ? 380 + 30 * r() : 95 + 120 * r();
    const T = Math.round(area * perSqm);
    const basic = Math.round(T * (0.55 + 0.15 * r()));
    const improvement = Math.round((T - basic) * (0.6 + 0.2 * r()));
    const enhancement = T - basic - improvement;
    const socialCapital = p % 5 === 2 ? 50_000 + 10_000 * Math.floor(25 * r()) : 0;
    const elevatorCost = p % 6 === 0 ? 600_000 * (1 + Math.floor(3 * r())) : 0;
    const basePolicy: ExampleInput["policy"] = p === 10 ? "yueqing-2023" : p === 18 ? { base: "default", "cap.perSqm": 350 } : "default";
    // Projects with elevators carry their city's elevator rule (elevator-rules.md §7); their own generator
    // (a second seed) keeps every other figure of the programme as it was.
    const elevators = withElevators ? programmeElevators(rng(seed * 31 + p), households, elevatorCost) : undefined;
    const policy: ExampleInput["policy"] = withElevators
      ? { ...(typeof basePolicy === "object" ? basePolicy : { base: basePolicy }), ...ELEVATOR_POLICIES[p / 6] }
      : basePolicy;
    const name = `三元区${pick(r, STREETS)}${COMMUNITIES[p]}（示例）老旧小区改造`;
    const project = { name, area, costs: { basic, improvement, enhancement }, socialCapital, elevatorCost };
    const settled = p % 3 === 0;
    const settlement = settled
      ? {
          "costs.basic": Math.round(basic * (0.95 + 0.1 * r()) * 100) / 100,
          "costs.improvement": Math.round(improvement * (0.95 + 0.1 * r()) * 100) / 100,
          "costs.enhancement": Math.round(enhancement * (0.95 + 0.1 * r()) * 100) / 100,
        }
      : undefined;
    // Payments are set against what the engine says each household owes in the stage used.
    const used =
      settlement === undefined
        ? project
        : {
            ...project,
            costs: { basic: settlement["costs.basic"], improvement: settlement["costs.improvement"], enhancement: settlement["costs.enhancement"] },
          };
    const calc = calculate({ policy, project: used, households, ...(elevators !== undefined ? { elevators } : {}) });
    if (!calc.ok) throw new Error(`generated project ${p + 1} is invalid: ${calc.errors.map((e) => e.en).join("; ")}`);
    // About half the households of an elevator have paid their share, some rounded up to the hundred.
    if (elevators !== undefined) {
      const er = rng(seed * 37 + p);
      for (const e of calc.value.elevators!.elevators) {
        for (const s of e.shares) {
          const x = er();
          if (s.share > 0 && x < 0.5) households[s.household].elevatorPaid = x < 0.4 ? s.share / 100 : Math.ceil(s.share / 10000) * 100;
        }
      }
    }
    calc.value.households!.forEach((h, i) => {
      const net = h.net / 100;
      const x = r();
      let paid: number | undefined;
      if (fullyPaid)
        paid = x < 0.7 ? net : Math.ceil(net / 100) * 100; // some round up → 退还
      else if (x < 0.72) paid = x < 0.4 ? net : Math.ceil(net / 100) * 100;
      else if (x < 0.84) paid = Math.floor((net * (0.3 + 0.5 * r())) / 100) * 100;
      else paid = undefined; // not paid yet
      if (paid !== undefined && paid > 0) households[i].paid = paid;
    });
    const file = `${String(p + 1).padStart(2, "0")}-${COMMUNITIES[p]}.xlsx`;
    out.push({
      file,
      input: { policy, project, households, ...(elevators !== undefined ? { elevators } : {}) },
      settlement,
      stage: settled ? "settlement" : "estimate",
    });
  }
  return out;
}

/** Writes the 22 workbooks into `dir` (created if needed). Returns the files written. */
export async function generateProgramme(dir: string, seed = 2022): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const g of programmeProjects(seed)) {
    const wb = templateBook({ input: g.input, settlement: g.settlement, validationRows: 0 });
    const file = path.join(dir, g.file);
    writeFileAtomic(file, await workbookBytes(wb));
    files.push(file);
  }
  return files;
}
