/**
 * Is Excel there, and which of its API can we use? (office-platform.md: users run Excel 2016 / 2019
 * volume-licensed — ExcelApi 1.1, no shared runtime, no custom functions — as well as 2021 / 2024 LTSC and
 * Microsoft 365, so anything beyond ExcelApi 1.1 is feature-detected; outside Office, `Office.onReady`'s
 * host is not trusted — we look for it and for the requirement sets ourselves.)
 */
import type { PortFeatures } from "./office-common";

export type Lang = "zh" | "en";

/** The lowest ExcelApi set the task pane needs: Excel 2016 (office-platform.md); newer sets are detected. */
export const MIN_EXCEL_API = "1.1";

/** zh unless Office's display language is English (`en-US`, `en-GB` …). */
export function languageOf(displayLanguage: string | undefined | null): Lang {
  return typeof displayLanguage === "string" && /^en\b/i.test(displayLanguage) ? "en" : "zh";
}

/** What this Excel offers beyond the task pane's own API (for the pane's note of what is missing). */
export interface HostAbilities {
  /** The highest ExcelApi 1.x it reports: 1 on Excel 2016 volume-licensed, 7 or 8 on Excel 2019 … */
  readonly excelApiMinor: number;
  /** SharedRuntime 1.1 + CustomFunctionsRuntime 1.2: the RENO.* functions and the ribbon button are there. */
  readonly customFunctions: boolean;
}

/** What the start-up check found. */
export type Readiness =
  | { readonly kind: "ready"; readonly lang: Lang; readonly features: PortFeatures; readonly abilities: HostAbilities }
  /** office.js did not load (a plain browser, or no network to Microsoft's CDN). */
  | { readonly kind: "no-office"; readonly lang: Lang }
  /** Office is there but this is not Excel (or Excel did not answer in time). */
  | { readonly kind: "not-excel"; readonly lang: Lang; readonly host: string | null }
  /** Excel is older than MIN_EXCEL_API. */
  | { readonly kind: "too-old"; readonly lang: Lang };

/** The parts of the `Office` global we read. */
export interface OfficeLike {
  onReady(callback?: (info: { host: unknown; platform: unknown }) => void): Promise<{ host: unknown; platform: unknown }>;
  context?: {
    displayLanguage?: string;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

/** Which optional API this Excel has (ExcelApi 1.2 / 1.6 / 1.7 / 1.8 / 1.9 — 1.9 also gives page layout). */
export function detectFeatures(isSetSupported: (name: string, version: string) => boolean): PortFeatures {
  const has = (v: string) => {
    try {
      return isSetSupported("ExcelApi", v) === true;
    } catch {
      return false;
    }
  };
  return {
    columnWidths: has("1.2"),
    suspendCalculation: has("1.6"),
    freezePanes: has("1.7"),
    dataValidation: has("1.8"),
    suspendScreenUpdating: has("1.9"),
    pageLayout: has("1.9"),
    sheetVisibility: has("1.2"),
  };
}

/** The highest ExcelApi minor version (1.1 … 1.40) and whether the custom functions can run here. */
export function detectAbilities(isSetSupported: (name: string, version: string) => boolean): HostAbilities {
  const has = (name: string, v: string) => {
    try {
      return isSetSupported(name, v) === true;
    } catch {
      return false;
    }
  };
  let minor = 0;
  // Versions as strings: "1.10" is not 1.1 (specify-api-requirements-runtime.md).
  while (minor < 40 && has("ExcelApi", `1.${minor + 1}`)) minor++;
  return { excelApiMinor: minor, customFunctions: has("SharedRuntime", "1.1") && has("CustomFunctionsRuntime", "1.2") };
}

/**
 * Waits for Office and classifies the host. `office`: the `Office` global (undefined when office.js did
 * not load). `timeoutMs`: how long to wait for `Office.onReady` (it never fires outside Office).
 */
export async function checkExcel(office: OfficeLike | undefined, timeoutMs = 10_000): Promise<Readiness> {
  if (office === undefined || typeof office.onReady !== "function") {
    const nav = typeof navigator === "undefined" ? undefined : navigator.language;
    return { kind: "no-office", lang: languageOf(nav) };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const info = await Promise.race([office.onReady().catch(() => null), timeout]);
  if (timer !== undefined) clearTimeout(timer);
  const lang = languageOf(office.context?.displayLanguage);
  const host = info === null || info.host === undefined || info.host === null ? null : String(info.host);
  if (host !== "Excel") return { kind: "not-excel", lang, host };
  const req = office.context?.requirements;
  const isSetSupported = (name: string, v: string) => req !== undefined && req.isSetSupported(name, v);
  if (!isSetSupported("ExcelApi", MIN_EXCEL_API)) return { kind: "too-old", lang };
  return { kind: "ready", lang, features: detectFeatures(isSetSupported), abilities: detectAbilities(isSetSupported) };
}
