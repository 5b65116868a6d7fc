/**
 * Which Excel runs what: THE support matrix. The README (English) and the 用户手册 (Chinese) show it
 * rendered by `supportMatrixMarkdown` (test/docs checks they do), and the task pane's start-up notes come
 * from the same facts. Sources: Microsoft's requirement-set pages and "Browsers and webview controls used
 * by Office Add-ins" (/work/notes/excel-api-sets.md), office-platform.md, WPS's 《WPS 加载项开发说明》.
 */
import type { HostAbilities, Lang, Readiness } from "../excel/environment";
import type { PortFeatures } from "../excel/office-port";
import { say } from "./i18n";

type Text = { readonly zh: string; readonly en: string };

export interface SupportRow {
  readonly excel: Text;
  /** The webview that shows the task pane, and so which bundle runs (IE11 / EdgeHTML: the legacy one). */
  readonly webview: Text;
  readonly taskPane: Text;
  /** RENO.* custom functions, the ribbon button and loading with the workbook (the shared runtime). */
  readonly functions: Text;
}

const t = (zh: string, en: string): Text => ({ zh, en });

export const SUPPORT_MATRIX: readonly SupportRow[] = [
  {
    excel: t("Excel 2016 批量许可版（MSI，16.0.4266）", "Excel 2016 volume-licensed (MSI, 16.0.4266)"),
    webview: t("IE11 → 兼容版任务窗格", "IE11 → legacy task pane"),
    taskPane: t(
      "全部功能（ExcelApi 1.1）；无冻结表头、下拉列表、列宽和打印设置，写入时临时工作表短暂可见",
      "every action (ExcelApi 1.1); no frozen header rows, drop-down lists, column widths or print setup; temporary sheets show while writing",
    ),
    functions: t("不可用（需要 SharedRuntime 1.1 与 CustomFunctionsRuntime 1.2）", "no (needs SharedRuntime 1.1 and CustomFunctionsRuntime 1.2)"),
  },
  {
    excel: t("Excel 2019 批量许可版（1808）", "Excel 2019 volume-licensed (1808)"),
    webview: t("IE11 → 兼容版任务窗格", "IE11 → legacy task pane"),
    taskPane: t(
      "全部功能（ExcelApi 1.7，微软旧版文档称 1.8，启动时检测）；无打印设置，无 1.8 时也无下拉列表",
      "every action (ExcelApi 1.7; an older Microsoft page says 1.8 — detected at start); no print setup, and no drop-down lists without 1.8",
    ),
    functions: t("不可用", "no"),
  },
  {
    excel: t("Excel 2016 / 2019 零售版（随更新）", "Excel 2016 / 2019 retail (updated)"),
    webview: t("IE11、EdgeHTML 或 WebView2（视 Windows 与版本）→ 启动时自动选择", "IE11, EdgeHTML or WebView2 (by Windows and build) → chosen at start"),
    taskPane: t("全部功能", "every action"),
    functions: t(
      "更新到 2311 或更高版本后可用（SharedRuntime 2002 起，CustomFunctionsRuntime 2311 起）",
      "yes once updated to Version 2311 or later (SharedRuntime from 2002, CustomFunctionsRuntime from 2311)",
    ),
  },
  {
    excel: t("Excel 2021 LTSC（2108 起）", "Excel 2021 LTSC (2108+)"),
    webview: t("WebView2", "WebView2"),
    taskPane: t("全部功能（ExcelApi 1.14，含打印设置）", "every action (ExcelApi 1.14, print setup included)"),
    functions: t("可用", "yes"),
  },
  {
    excel: t("Excel 2024 LTSC", "Excel 2024 LTSC"),
    webview: t("WebView2", "WebView2"),
    taskPane: t("全部功能（ExcelApi 1.17）", "every action (ExcelApi 1.17)"),
    functions: t("可用", "yes"),
  },
  {
    excel: t("Microsoft 365（Windows）", "Microsoft 365 (Windows)"),
    webview: t("WebView2", "WebView2"),
    taskPane: t("全部功能", "every action"),
    functions: t("可用", "yes"),
  },
  {
    excel: t("Mac 版 Excel（16.35 起）", "Excel for Mac (16.35+)"),
    webview: t("Safari（WKWebView）", "Safari (WKWebView)"),
    taskPane: t("全部功能", "every action"),
    functions: t("可用（SharedRuntime 16.35 起）", "yes (SharedRuntime from 16.35)"),
  },
  {
    excel: t("网页版 Excel", "Excel on the web"),
    webview: t("浏览器", "the browser"),
    taskPane: t("全部功能", "every action"),
    functions: t("可用（经 SharePoint 目录部署时无功能区按钮）", "yes (no ribbon button when deployed through a SharePoint catalog)"),
  },
  {
    excel: t("WPS 表格", "WPS Spreadsheets"),
    webview: t("—", "—"),
    taskPane: t(
      "不能加载（WPS 使用自己的加载项体系：ribbon.xml 与 window.wps 接口）；请用命令行 reno calc 处理 WPS 保存的 .xlsx",
      "cannot load it (WPS has its own add-in model: ribbon.xml and window.wps); use the command line, reno calc, on the .xlsx WPS saves",
    ),
    functions: t("不可用", "no"),
  },
];

const HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  zh: ["Excel", "任务窗格显示在", "任务窗格", "RENO.* 函数与功能区按钮"],
  en: ["Excel", "task pane shown in", "task pane", "RENO.* functions and the ribbon button"],
};

/** The matrix as a Markdown table (README: en, 用户手册: zh). */
export function supportMatrixMarkdown(lang: Lang): string {
  const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [
    row(HEADERS[lang]),
    row(HEADERS[lang].map(() => "---")),
    ...SUPPORT_MATRIX.map((r) => row([r.excel[lang], r.webview[lang], r.taskPane[lang], r.functions[lang]])),
  ].join("\n");
}

/** What this Excel lacks, one sentence each, for the note at the top of the pane (empty: nothing). */
export function missingNotes(abilities: HostAbilities | undefined, features: PortFeatures | undefined, lang: Lang): string[] {
  const notes: string[] = [];
  if (abilities !== undefined && !abilities.customFunctions) {
    notes.push(
      lang === "zh"
        ? "自定义函数 RENO.* 和功能区按钮需要 Excel 2021 / 2024 LTSC、Microsoft 365、Mac 版或网页版 Excel；本 Excel 中请用本任务窗格完成全部测算（插入 → 我的加载项 打开）。"
        : "The RENO.* functions and the ribbon button need Excel 2021 / 2024 LTSC, Microsoft 365, Excel for Mac or on the web; in this Excel the task pane does every calculation (open it from Insert → My Add-ins).",
    );
  }
  if (features !== undefined) {
    const lacks: Text[] = [];
    if (features.freezePanes === false) lacks.push(t("冻结表头", "frozen header rows"));
    if (features.dataValidation === false) lacks.push(t("下拉列表", "drop-down lists"));
    if (features.columnWidths === false) lacks.push(t("列宽", "column widths"));
    if (features.pageLayout === false) lacks.push(t("打印设置（A4、每页重复表头）", "print setup (A4, header rows on every page)"));
    if (lacks.length > 0) {
      const api = abilities === undefined || abilities.excelApiMinor === 0 ? "" : ` ExcelApi 1.${abilities.excelApiMinor}`;
      notes.push(
        lang === "zh"
          ? `本 Excel（${api.trim() || "较旧版本"}）不支持：${lacks.map((x) => x.zh).join("、")}。测算结果不受影响，可在 Excel 中手动设置。`
          : `This Excel (${api.trim() || "an older version"}) lacks ${lacks.map((x) => x.en).join(", ")}. Results are not affected; set them by hand in Excel if needed.`,
      );
    }
  }
  return notes;
}

/** Below ExcelApi 1.1 (Excel 2013 and older): what to do instead. */
export function tooOldText(lang: Lang): string {
  return lang === "zh"
    ? "此 Excel 不支持 Excel JavaScript API（ExcelApi 1.1），通常是 Excel 2013 或更早版本。任务窗格需要 Excel 2016 或更新版本（含 2016 / 2019 批量许可版）、Microsoft 365、Mac 版或网页版 Excel；也可以用命令行 reno calc 处理 .xlsx 文件。"
    : "This Excel lacks the Excel JavaScript API (ExcelApi 1.1): it is probably Excel 2013 or older. The task pane needs Excel 2016 or later (volume-licensed 2016 / 2019 included), Microsoft 365, Excel for Mac or on the web; the command line, reno calc, also processes .xlsx files.";
}

/** What to say when the task pane cannot work (no Office, not Excel, too old). Both panes use it. */
export function notReadyText(r: Exclude<Readiness, { kind: "ready" }>): string {
  switch (r.kind) {
    case "no-office":
      return say(r.lang, "pane.noOffice");
    case "not-excel":
      return say(r.lang, "pane.notExcel", { host: r.host });
    case "too-old":
      return tooOldText(r.lang);
  }
}
