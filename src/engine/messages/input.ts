/**
 * Messages about input values (funding-rules.md §8, elevator-rules.md): what was found and what is
 * expected. `found` is the value as the user wrote it (`describe`), `detail` a list or a figure.
 */
import { text } from "./define";

type Found = { found: string };

export const INPUT_MESSAGES = {
  "json.malformed": text<{ detail: string }>(
    (p) => `不是有效的 JSON：${p.detail}`,
    (p) => `not valid JSON: ${p.detail}`,
  ),
  "json.empty": text(
    () => "输入为空，应为 JSON 对象",
    () => "input is empty; expected a JSON object",
  ),
  "json.duplicateKey": text<{ key: string }>(
    (p) => `JSON 中键“${p.key}”出现两次，无法确定用哪一个`,
    (p) => `the key "${p.key}" appears twice in the JSON; which one is meant cannot be known`,
  ),
  "json.encoding": text(
    () => "文件不是有效的 UTF-8 文本",
    () => "the file is not valid UTF-8 text",
  ),
  "type.object": text<Found>(
    (p) => `应为对象，实为 ${p.found}`,
    (p) => `expected an object, found ${p.found}`,
  ),
  "type.array": text<Found>(
    (p) => `应为数组，实为 ${p.found}`,
    (p) => `expected an array, found ${p.found}`,
  ),
  "type.number": text<Found>(
    (p) => `应为数字，实为 ${p.found}`,
    (p) => `expected a number, found ${p.found}`,
  ),
  "type.date": text<Found>(
    (p) => `应为数字，实为日期 ${p.found}（单元格设成了日期格式？）`,
    (p) => `expected a number, found the date ${p.found} (is the cell formatted as a date?)`,
  ),
  "type.integer": text<Found>(
    (p) => `应为整数，实为 ${p.found}`,
    (p) => `expected a whole number, found ${p.found}`,
  ),
  "type.text": text<Found>(
    (p) => `应为文本，实为 ${p.found}`,
    (p) => `expected text, found ${p.found}`,
  ),
  "type.yesno": text<Found>(
    (p) => `应为 是/否（TRUE/FALSE、1/0、是/否、Y/N、yes/no、√/×、同意/不同意），实为 ${p.found}`,
    (p) => `expected yes/no (TRUE/FALSE, 1/0, 是/否, Y/N, yes/no, √/×, 同意/不同意), found ${p.found}`,
  ),
  required: text(
    () => "缺少必填项",
    () => "required value is missing",
  ),
  "area.positive": text<Found>(
    (p) => `面积必须大于0，实为 ${p.found}`,
    (p) => `area must be greater than 0, found ${p.found}`,
  ),
  "money.negative": text<Found>(
    (p) => `金额不能为负数，实为 ${p.found}`,
    (p) => `amount must not be negative, found ${p.found}`,
  ),
  "money.tooLarge": text<Found>(
    (p) => `金额超出可计算范围（不超过1万亿元），实为 ${p.found}`,
    (p) => `amount is out of range (at most 1,000,000,000,000 元), found ${p.found}`,
  ),
  "money.totalTooLarge": text<{ what: string; whatEn: string }>(
    (p) => `${p.what}合计超出可计算范围（不超过1万亿元），从本行起超出`,
    (p) => `the total of ${p.whatEn} is out of range (at most 1,000,000,000,000 元) from this row on`,
  ),
  "weight.negative": text<Found>(
    (p) => `分摊系数不能为负数，实为 ${p.found}`,
    (p) => `weight must not be negative, found ${p.found}`,
  ),
  "weights.zero": text(
    () => "全部分摊系数为0，无法分摊",
    () => "every allocation weight is 0; nothing to split over",
  ),
  "rate.range": text<Found>(
    (p) => `比例必须在0到1之间，实为 ${p.found}`,
    (p) => `rate must lie in [0, 1], found ${p.found}`,
  ),
  "amount.negative": text<Found>(
    (p) => `参数不能为负数，实为 ${p.found}`,
    (p) => `value must not be negative, found ${p.found}`,
  ),
  "id.empty": text(
    () => "房号不能为空",
    () => "household id must not be empty",
  ),
  "id.duplicate": text<{ found: string; first: string }>(
    (p) => `房号重复：${p.found}（与 ${p.first} 相同）`,
    (p) => `duplicate household id ${p.found} (same as ${p.first})`,
  ),
  "status.unknown": text<{ found: string; accepted: readonly string[] }>(
    (p) => `未知的困难类别“${p.found}”，可用：${p.accepted.join("、")}`,
    (p) => `unknown status label "${p.found}"; accepted: ${p.accepted.join("、")}`,
  ),
  "policy.unknownId": text<{ found: string; accepted: readonly string[] }>(
    (p) => `未知的政策“${p.found}”，可用：${p.accepted.join(", ")}`,
    (p) => `unknown policy "${p.found}"; built-in policies: ${p.accepted.join(", ")}`,
  ),
  "policy.unknownKey": text<{ found: string; accepted: readonly string[] }>(
    (p) => `未知的政策参数“${p.found}”，可用：${p.accepted.join(", ")}`,
    (p) => `unknown policy key "${p.found}"; accepted keys: ${p.accepted.join(", ")}`,
  ),
  "policy.duplicateKey": text<{ key: string; first: string }>(
    (p) => `参数“${p.key}”重复（已在 ${p.first} 给出），无法确定用哪一个`,
    (p) => `key "${p.key}" is given twice (also at ${p.first}); which one is meant cannot be known`,
  ),
  "policy.keyBlank": text(
    () => "参数名为空，但该行填写了值",
    () => "the key is blank but the row has a value",
  ),
  "policy.tiers": text<Found>(
    (p) => `救助适用类别应为 basic/improvement/enhancement（基础类/完善类/提升类），实为 ${p.found}`,
    (p) => `relief tiers must be among basic, improvement, enhancement (基础类/完善类/提升类); found ${p.found}`,
  ),
  "policy.choice": text<{ found: string; accepted: readonly string[] }>(
    (p) => `应为 ${p.accepted.join(" / ")} 之一，实为 ${p.found}`,
    (p) => `expected one of ${p.accepted.join(" / ")}, found ${p.found}`,
  ),
  "policy.coefficients": text<Found>(
    (p) => `楼层系数应为逗号分隔的非负数（1层在前），如 0,0,1；实为 ${p.found}`,
    (p) => `floor coefficients must be comma-separated numbers ≥ 0, floor 1 first (e.g. 0,0,1); found ${p.found}`,
  ),
  "policy.byStoreys": text<Found>(
    (p) => `按层数补助应为“层数:金额”对，逗号分隔，如 4:160000,5:180000；实为 ${p.found}`,
    (p) => `subsidy by storeys must be storeys:amount pairs separated by commas, e.g. 4:160000,5:180000; found ${p.found}`,
  ),
  "policy.storeys": text<Found>(
    (p) => `层数应为不小于2的整数，实为 ${p.found}`,
    (p) => `storeys must be a whole number ≥ 2, found ${p.found}`,
  ),
  "vote.agreedWithoutParticipated": text(
    () => "同意改造的住户必须参与表决",
    () => "a household that agreed must have participated in the vote",
  ),
  "vote.exclusiveAreaMissing": text(
    () => "表决按专有面积计算：其他住户已填专有面积，本户为空，请补填",
    () => "the vote weighs exclusive areas: other households have one, this household has none",
  ),
  "funding.socialCapital": text<{ found: string; left: string }>(
    (p) => `社会资金 ${p.found} 元大于总投资扣除居民自筹后的余额 ${p.left} 元`,
    (p) => `social capital ${p.found} exceeds what is left after residents' funds (${p.left})`,
  ),
  "field.unknown": text<{ found: string; accepted: readonly string[] }>(
    (p) => `未知字段“${p.found}”，可用：${p.accepted.join(", ")}`,
    (p) => `unknown field "${p.found}"; accepted: ${p.accepted.join(", ")}`,
  ),
} as const;
