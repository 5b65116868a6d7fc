/**
 * Messages of the elevator retrofit (elevator-rules.md): bad elevator rows, households that do not fit
 * their elevator, owners' parts that cannot be shared, and the texts that say how a subsidy was found.
 */
import { text } from "./define";

type Found = { found: string };

export const ELEVATOR_MESSAGES = {
  "elevator.unitEmpty": text(
    () => "单元不能为空（如 3幢2单元）",
    () => "the unit must not be empty (e.g. 3幢2单元)",
  ),
  "elevator.unitDuplicate": text<{ found: string; first: string }>(
    (p) => `单元重复：${p.found}（与 ${p.first} 相同）；每个单元一行，一台电梯`,
    (p) => `duplicate unit ${p.found} (same as ${p.first}); one row, one elevator, per unit`,
  ),
  "elevator.storeys": text<Found>(
    (p) => `层数应为 2 到 200 之间的整数，实为 ${p.found}`,
    (p) => `storeys must be a whole number from 2 to 200, found ${p.found}`,
  ),
  "elevator.subsidyAboveCost": text<{ found: string; cost: string }>(
    (p) => `核定补助金额 ${p.found} 元超过造价 ${p.cost} 元`,
    (p) => `the approved subsidy ${p.found} exceeds the cost ${p.cost}`,
  ),
  "elevator.noHouseholds": text<{ unit: string }>(
    (p) => `没有住户属于单元“${p.unit}”：请在住户表的“单元”列填写（比较时忽略首尾空格和全角/半角差别）`,
    (p) => `no household names the unit "${p.unit}": fill in the 单元 column of 住户 (spaces around and full-width forms are ignored)`,
  ),
  "elevator.floorMissing": text<{ unit: string }>(
    (p) => `本户属于加装电梯的单元“${p.unit}”，须填写楼层`,
    (p) => `this household shares the elevator of "${p.unit}": its floor is required`,
  ),
  "elevator.floorRange": text<{ found: string; unit: string; storeys: number }>(
    (p) => `楼层应为 1 到 ${p.storeys} 的整数（单元“${p.unit}”的电梯服务 ${p.storeys} 层），实为 ${p.found}`,
    (p) => `the floor must be a whole number from 1 to ${p.storeys} (the elevator of "${p.unit}" serves ${p.storeys} storeys), found ${p.found}`,
  ),
  "elevator.weightNegative": text<Found>(
    (p) => `电梯分摊权重不能为负数，实为 ${p.found}`,
    (p) => `the elevator weight must not be negative, found ${p.found}`,
  ),
  "elevator.noElevator": text<{ unit: string; field: string; fieldEn: string }>(
    (p) =>
      p.unit === ""
        ? `本户填写了${p.field}，但未填写单元：请填写本户所在的加装电梯单元`
        : `本户填写了${p.field}，但单元“${p.unit}”没有加装电梯（加装电梯表中没有这个单元，是否写错？）`,
    (p) =>
      p.unit === ""
        ? `this household has ${p.fieldEn} but no unit: fill in the unit whose elevator it shares`
        : `this household has ${p.fieldEn} but its unit "${p.unit}" has no elevator (no such unit in 加装电梯: is it misspelt?)`,
  ),
  "elevator.fundsExceedCost": text<{ unit: string; cost: string; subsidy: string; maintenanceFund: string; otherFunds: string; owners: string }>(
    (p) =>
      `${p.unit === "" ? "" : `单元“${p.unit}”：`}补助 ${p.subsidy} + 维修资金 ${p.maintenanceFund} + 其他资金 ${p.otherFunds} 超过造价 ${p.cost} 元，业主分摊为 ${p.owners} 元（不能为负）`,
    (p) =>
      `${p.unit === "" ? "" : `unit "${p.unit}": `}subsidy ${p.subsidy} + maintenance fund ${p.maintenanceFund} + other funds ${p.otherFunds} exceed the cost ${p.cost}; the owners' part would be ${p.owners}`,
  ),
  "elevator.weightsZero": text<{ unit: string; households: number; owners: string }>(
    (p) => `${p.unit === "" ? "" : `单元“${p.unit}”的 `}${p.households} 户分摊权重全部为0（如全部位于系数为0的楼层），业主分摊 ${p.owners} 元无法分摊`,
    (p) =>
      `every weight of the ${p.households} households${p.unit === "" ? "" : ` of "${p.unit}"`} is 0 (e.g. all on floors with coefficient 0): the owners' part ${p.owners} cannot be shared`,
  ),
  "elevator.floorOfStoreys": text<{ found: string; storeys: number }>(
    (p) => `楼层应为 1 到 ${p.storeys} 的整数（电梯服务 ${p.storeys} 层），实为 ${p.found}`,
    (p) => `the floor must be a whole number from 1 to ${p.storeys} (the elevator serves ${p.storeys} storeys), found ${p.found}`,
  ),
  "elevator.costMismatch": text<{ found: string; total: string; costs: string }>(
    (p) => `加装电梯费用 ${p.found} 元与各电梯造价合计 ${p.total} 元（${p.costs}）不一致；两者应相等到分`,
    (p) => `the elevator cost ${p.found} differs from the total of the elevators' costs ${p.total} (${p.costs}); they must be equal to the fen`,
  ),

  // How a subsidy was found (elevator-rules.md §2): shown on 电梯分摊, in the JSON and in 计算说明.
  "elevator.rule.none": text(
    () => "不补助",
    () => "no subsidy",
  ),
  "elevator.rule.fixed": text<{ amount: string }>(
    (p) => `定额 ${p.amount} 元/台，不超过造价`,
    (p) => `fixed ${p.amount} per elevator, at most the cost`,
  ),
  "elevator.rule.rate": text<{ rate: string; cap: string | null }>(
    (p) => `按造价 ${p.rate}${p.cap === null ? "，不设上限" : `，上限 ${p.cap} 元/台`}`,
    (p) => `${p.rate} of the cost${p.cap === null ? ", no cap" : `, at most ${p.cap} per elevator`}`,
  ),
  "elevator.rule.storeys": text<{ table: string; storeys: number; used: number | null; amount: string | null }>(
    (p) =>
      p.used === null
        ? `按层数（${p.table}）：${p.storeys} 层低于表中最低层数，不补助`
        : `按层数（${p.table}）：${p.storeys} 层按 ${p.used} 层档 ${p.amount} 元`,
    (p) =>
      p.used === null
        ? `by storeys (${p.table}): ${p.storeys} storeys is below the lowest entry, no subsidy`
        : `by storeys (${p.table}): ${p.storeys} storeys takes the ${p.used}-storey entry ${p.amount}`,
  ),
  "elevator.rule.belowMin": text<{ storeys: number; min: number }>(
    (p) => `${p.storeys} 层低于补助最低层数 ${p.min} 层，不补助`,
    (p) => `${p.storeys} storeys is below the minimum of ${p.min} for a subsidy: none`,
  ),
  "elevator.rule.approved": text<{ amount: string; computed: string }>(
    (p) => `按核定补助金额 ${p.amount} 元（政策测算为 ${p.computed} 元）`,
    (p) => `the approved subsidy ${p.amount} (the policy gives ${p.computed})`,
  ),
} as const;
