/**
 * elevator-rules.md §8, the worked example, as project input (shared by the engine, workbook and command-line
 * tests): one unit (1幢1单元), 6 storeys, cost 650,000.00, maintenance fund 30,000.00; subsidy 40% capped at
 * 280,000 → G = 260,000.00, P = 360,000.00; coefficients 0, 0, 0.7, 0.8, 0.9, 1.0; two households of 80 m² a floor.
 */
import type { ExampleInput } from "../../src/workbook";

export const WORKED_ELEVATOR: ExampleInput = {
  policy: {
    base: "default",
    "elevator.subsidy.mode": "rate",
    "elevator.subsidy.rate": 0.4,
    "elevator.subsidy.cap": 280000,
    "elevator.floorCoefficients": "0,0,0.7,0.8,0.9,1.0",
  },
  project: { name: "加装电梯示例", area: 960, costs: { basic: 100000 }, elevatorCost: 650000 },
  households: [1, 2, 3, 4, 5, 6].flatMap((f) => [1, 2].map((j) => ({ id: `1-${f}0${j}`, owner: `业主${f}${j}`, area: 80, unit: "1幢1单元", floor: f }))),
  elevators: [{ unit: "1幢1单元", storeys: 6, cost: 650000, maintenanceFund: 30000 }],
};

/** §8's shares in household order (floors 1–6, two each): 360,000 × w / 544 for w = 0, 0, 56, 64, 72, 80, 4 fen to floors 5–6. */
export const WORKED_SHARES = [0, 0, 0, 0, 37058.82, 37058.82, 42352.94, 42352.94, 47647.06, 47647.06, 52941.18, 52941.18];
