/**
 * Errors are values (funding-rules.md §8): where (a path), what was found, what was expected,
 * in Chinese and English, from one catalogue. Each edge translates the path: the CLI prints
 * `households[3].area`, the workbook layer turns it into `住户!C12`, custom functions into a short
 * Chinese #VALUE! message.
 */

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export type ErrorCode =
  | "json.malformed"
  | "json.empty"
  | "type.object"
  | "type.array"
  | "type.number"
  | "type.text"
  | "type.yesno"
  | "required"
  | "area.positive"
  | "money.negative"
  | "money.tooLarge"
  | "weight.negative"
  | "weights.zero"
  | "rate.range"
  | "amount.negative"
  | "id.empty"
  | "id.duplicate"
  | "status.unknown"
  | "policy.unknownId"
  | "policy.unknownKey"
  | "policy.tiers"
  | "vote.agreedWithoutParticipated"
  | "vote.exclusiveAreaMissing"
  | "funding.socialCapital"
  | "field.unknown";

export interface EngineError {
  readonly code: ErrorCode;
  /** Where: `['households', 3, 'area']`. */
  readonly path: Path;
  /** What was found, as the user wrote it (may be empty). */
  readonly found?: string;
  /** Message in Chinese and English, each naming what is expected. */
  readonly zh: string;
  readonly en: string;
}

/** found: what the user wrote; detail: extra text for the message (detailEn, when given, for the English one). */
type Params = { found?: string; detail?: string; detailEn?: string };

const catalogue: Record<ErrorCode, { zh: (p: Params) => string; en: (p: Params) => string }> = {
  "json.malformed": { zh: (p) => `不是有效的 JSON：${p.detail ?? ""}`, en: (p) => `not valid JSON: ${p.detail ?? ""}` },
  "json.empty": { zh: () => "输入为空，应为 JSON 对象", en: () => "input is empty; expected a JSON object" },
  "type.object": { zh: (p) => `应为对象，实为 ${p.found}`, en: (p) => `expected an object, found ${p.found}` },
  "type.array": { zh: (p) => `应为数组，实为 ${p.found}`, en: (p) => `expected an array, found ${p.found}` },
  "type.number": { zh: (p) => `应为数字，实为 ${p.found}`, en: (p) => `expected a number, found ${p.found}` },
  "type.text": { zh: (p) => `应为文本，实为 ${p.found}`, en: (p) => `expected text, found ${p.found}` },
  "type.yesno": {
    zh: (p) => `应为 是/否（TRUE/FALSE、1/0、是/否、Y/N、yes/no、√/×、同意/不同意），实为 ${p.found}`,
    en: (p) => `expected yes/no (TRUE/FALSE, 1/0, 是/否, Y/N, yes/no, √/×, 同意/不同意), found ${p.found}`,
  },
  required: { zh: () => "缺少必填项", en: () => "required value is missing" },
  "area.positive": { zh: (p) => `面积必须大于0，实为 ${p.found}`, en: (p) => `area must be greater than 0, found ${p.found}` },
  "money.negative": { zh: (p) => `金额不能为负数，实为 ${p.found}`, en: (p) => `amount must not be negative, found ${p.found}` },
  "money.tooLarge": {
    zh: (p) => `金额超出可计算范围（不超过1万亿元），实为 ${p.found}`,
    en: (p) => `amount is out of range (at most 1,000,000,000,000 元), found ${p.found}`,
  },
  "weight.negative": { zh: (p) => `分摊系数不能为负数，实为 ${p.found}`, en: (p) => `weight must not be negative, found ${p.found}` },
  "weights.zero": {
    zh: () => "全部分摊系数为0，无法分摊",
    en: () => "every allocation weight is 0; nothing to split over",
  },
  "rate.range": { zh: (p) => `比例必须在0到1之间，实为 ${p.found}`, en: (p) => `rate must lie in [0, 1], found ${p.found}` },
  "amount.negative": { zh: (p) => `参数不能为负数，实为 ${p.found}`, en: (p) => `value must not be negative, found ${p.found}` },
  "id.empty": { zh: () => "房号不能为空", en: () => "household id must not be empty" },
  "id.duplicate": { zh: (p) => `房号重复：${p.found}（${p.detail}）`, en: (p) => `duplicate household id ${p.found} (${p.detailEn ?? p.detail})` },
  "status.unknown": {
    zh: (p) => `未知的困难类别“${p.found}”，可用：${p.detail}`,
    en: (p) => `unknown status label "${p.found}"; accepted: ${p.detail}`,
  },
  "policy.unknownId": {
    zh: (p) => `未知的政策“${p.found}”，可用：${p.detail}`,
    en: (p) => `unknown policy "${p.found}"; built-in policies: ${p.detail}`,
  },
  "policy.unknownKey": {
    zh: (p) => `未知的政策参数“${p.found}”，可用：${p.detail}`,
    en: (p) => `unknown policy key "${p.found}"; accepted keys: ${p.detail}`,
  },
  "policy.tiers": {
    zh: (p) => `救助适用类别应为 basic/improvement/enhancement（基础类/完善类/提升类），实为 ${p.found}`,
    en: (p) => `relief tiers must be among basic, improvement, enhancement; found ${p.found}`,
  },
  "vote.agreedWithoutParticipated": {
    zh: () => "同意改造的住户必须参与表决",
    en: () => "a household that agreed must have participated in the vote",
  },
  "vote.exclusiveAreaMissing": {
    zh: () => "表决按专有面积计算：其他住户已填专有面积，本户为空，请补填",
    en: () => "the vote weighs exclusive areas: other households have one, this household has none",
  },
  "funding.socialCapital": {
    zh: (p) => `社会资金 ${p.found} 元大于总投资扣除居民自筹后的余额 ${p.detail} 元`,
    en: (p) => `social capital ${p.found} exceeds what is left after residents' funds (${p.detail})`,
  },
  "field.unknown": {
    zh: (p) => `未知字段“${p.found}”，可用：${p.detail}`,
    en: (p) => `unknown field "${p.found}"; accepted: ${p.detail}`,
  },
};

/** Builds an error value from the catalogue. */
export function engineError(code: ErrorCode, path: Path, params: Params = {}): EngineError {
  const c = catalogue[code];
  return { code, path, found: params.found, zh: c.zh(params), en: c.en(params) };
}

/** `['households', 3, 'area']` → `households[3].area`. */
export function formatPath(path: Path): string {
  let s = "";
  for (const seg of path) {
    if (typeof seg === "number") s += `[${seg}]`;
    else s += s === "" ? seg : `.${seg}`;
  }
  return s;
}

/** One line for a terminal or log: `households[3].area: 面积必须大于0，实为 0 / area must be …`. */
export function formatError(e: EngineError, lang: "zh" | "en" | "both" = "both"): string {
  const where = formatPath(e.path) || "(input)";
  const msg = lang === "zh" ? e.zh : lang === "en" ? e.en : `${e.zh} / ${e.en}`;
  return `${where}: ${msg}`;
}

/** How a found value is shown in a message: text quoted as written, other values by type. */
export function describe(value: unknown): string {
  if (value === undefined) return "（空）";
  if (value === null) return "null";
  if (typeof value === "string") return value.trim() === "" ? "（空）" : JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "数组 array";
  return "对象 object";
}

/** Either a value or the errors that stopped it. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: EngineError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(errors: EngineError[]): Result<T> => ({ ok: false, errors });
