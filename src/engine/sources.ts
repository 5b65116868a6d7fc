/**
 * The policy documents the rules come from (../shared/policy-sources), cited by 文号 and article in
 * every user-facing text: an auditor reading the printout has the document, not our file names.
 */

export interface SourceDocument {
  /** 文号, or the name a reader looks it up by. */
  readonly number: string;
  /** Full title, for the 依据 table of 计算说明. */
  readonly title: string;
}

export const SOURCES = {
  /** 000: Yueqing, Zhejiang — co-funding by tier, the 300 元/m² cap, votes, publicity, approval. */
  yueqing: {
    number: "乐政办发〔2023〕47号",
    title: "乐清市人民政府办公室关于印发《乐清市城镇老旧小区改造实施方案》的通知（2023年12月4日印发，自2024年1月5日起施行，有效期5年）",
  },
  /** 003: Fujian provincial attachments 1–3 — relief and the union grant (附件3). */
  fujian: {
    number: "福建 附件3",
    title: "福建省城镇老旧小区改造工作文件附件3《相关资金支持政策》（同文附件1《老旧小区改造内容》、附件2 工作程序；所附正文的文号以原件为准）",
  },
  /** The Civil Code's rule on altering shared parts (the same thresholds as 000's vote). */
  civilCode: {
    number: "民法典",
    title: "《中华人民共和国民法典》（2020年5月28日第十三届全国人民代表大会第三次会议通过，自2021年1月1日起施行）",
  },
  /** This product's own reading where a source is silent (funding-rules.md "reading"). */
  reading: {
    number: "测算规则（解读）",
    title: "本测算工具的计算规则：政策原文未规定之处的解读（超上限部分按各类应得补助分担、按面积以最大余额法分摊到户），见用户手册附带的《计算规则》",
  },
} as const satisfies Record<string, SourceDocument>;

export type SourceId = keyof typeof SOURCES;

/** `乐政办发〔2023〕47号 第五条（二）1`. */
export function cite(source: SourceId, article: string): string {
  return `${SOURCES[source].number} ${article}`;
}

/** The citations the rules use, by rule. */
export const CITATIONS = {
  /** T, R0, the cap, X: 000 §五(二)1. */
  funding: cite("yueqing", "第五条（二）1"),
  /** 双三分之二 / 双四分之三: 000 §三(一). */
  vote: cite("yueqing", "第三条（一）"),
  /** Publicity ≥ 7 working days: 000 §三(三). */
  publicity: cite("yueqing", "第三条（三）"),
  /** Merged approval documents: 000 §四(四). */
  approval: cite("yueqing", "第四条（四）"),
  /** 100% collected first: 000 §五(三). */
  priority: cite("yueqing", "第五条（三）"),
  /** Relief 100% / 70%, highest wins: 003 附件3 二(一). */
  relief: cite("fujian", "第二条（一）"),
  /** 送温暖 ≥ 1000 元: 003 附件3 二(二). */
  grant: cite("fujian", "第二条（二）"),
  /** Altering shared parts of a building: 民法典 第二百七十八条. */
  civilCode: cite("civilCode", "第二百七十八条"),
  /** Elevator installation: outside T, subsidised "按相关办法另行补助" (000 §五(二)1; elevator-rules.md). */
  elevator: cite("yueqing", "第五条（二）1"),
  /** Largest-remainder split and the §3.9 tier reading. */
  reading: SOURCES.reading.number,
} as const;
