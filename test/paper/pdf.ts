/**
 * Reading printed pages back: LibreOffice (headless) turns workbooks into PDF, poppler's pdftotext /
 * pdfinfo / pdffonts / pdftoppm read them. Used by test/paper/paper.test.ts to check what users get on
 * A4: pages, orientation, the smallest text, the fonts, and that every cell's text is there in full.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { findProgram } from "../support/programs";

export const PDFTOTEXT = findProgram("pdftotext");
export const PDFFONTS = findProgram("pdffonts");
export const PDFTOPPM = findProgram("pdftoppm");
const FC_LIST = findProgram("fc-list");

/** The font families fontconfig knows (empty without fc-list). */
function families(): string {
  if (FC_LIST === undefined) return "";
  return spawnSync(FC_LIST, [":", "family"], { encoding: "utf8" }).stdout ?? "";
}
const FONTS = families();
/** WenQuanYi Zen Hei (fonts-wqy-zenhei) stands in for 等线; Carlito (fonts-crosextra-carlito) for Calibri, the default font that sets column widths. */
export const HAS_FONTS = /WenQuanYi Zen Hei/.test(FONTS) && /Carlito/.test(FONTS);
export const NO_FONTS = "fonts for the paper test are missing — apt-get install -y fonts-wqy-zenhei fonts-crosextra-carlito";
export const NO_POPPLER = "poppler (pdftotext, pdffonts, pdftoppm) is not installed — apt-get install -y poppler-utils";

/** A fontconfig file that prints 等线 (our cells' font, not installed on Linux) with WenQuanYi Zen Hei. */
export function fontConfig(dir: string): string {
  const file = path.join(dir, "fonts.conf");
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>等线</family><prefer><family>WenQuanYi Zen Hei</family></prefer></alias>
  <alias binding="same"><family>DengXian</family><prefer><family>WenQuanYi Zen Hei</family></prefer></alias>
</fontconfig>
`,
  );
  return file;
}

/** Converts workbooks to PDF (one LibreOffice run for all); returns the PDF paths in the same order. */
export function toPdf(soffice: string, dir: string, books: readonly string[]): string[] {
  const r = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", path.join(dir, "pdf"), ...books],
    { encoding: "utf8", timeout: 300_000, env: { ...process.env, FONTCONFIG_FILE: fontConfig(dir) } },
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  return books.map((b) => path.join(dir, "pdf", `${path.basename(b, ".xlsx")}.pdf`));
}

/** A word on a page, in points from the top left. */
export interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface Page {
  readonly width: number;
  readonly height: number;
  readonly words: readonly Word[];
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** Every page of a PDF with its words (pdftotext -bbox). */
export function pages(pdf: string): Page[] {
  const xml = spawnSync(PDFTOTEXT!, ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 28 }).stdout;
  const out: Page[] = [];
  for (const m of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words: Word[] = [];
    for (const w of m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: unescape(w[5]) });
    }
    out.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return out;
}

/** The font names a PDF embeds (pdffonts). */
export function fonts(pdf: string): string[] {
  const lines = spawnSync(PDFFONTS!, [pdf], { encoding: "utf8" }).stdout.split("\n").slice(2);
  return lines.filter((l) => l.trim() !== "").map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ""));
}

/** Renders pages of a PDF to PNG files `<prefix>-<n>.png` (dpi: dots per inch). Returns their paths. */
export function renderPng(pdf: string, prefix: string, first: number, last: number, dpi = 60): string[] {
  spawnSync(PDFTOPPM!, ["-png", "-r", String(dpi), "-f", String(first), "-l", String(last), pdf, prefix]);
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith(".png"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Whitespace (ASCII and the ideographic space) removed. */
export const squash = (s: string): string => s.replace(/[\s\u3000]+/g, "");

/**
 * The words that print `text` (whitespace ignored) as one cell: a first word, then words on the same
 * line to its right or on the following lines below it, each continuing the text. Undefined when the
 * text is not there in full (cut at a cell's edge, or lines lost). Tries every starting word.
 */
export function findText(text: string, words: readonly Word[]): Word[] | undefined {
  const t = squash(text);
  if (t === "") return [];
  const byStart = new Map<string, Word[]>();
  for (const w of words) {
    const s = squash(w.text);
    if (s === "") continue;
    const k = s[0];
    if (!byStart.has(k)) byStart.set(k, []);
    byStart.get(k)!.push({ ...w, text: s });
  }
  // Longer words first: the fewest pieces win over scattered single characters.
  for (const list of byStart.values()) list.sort((a, b) => b.text.length - a.text.length);
  const follows = (prev: Word, next: Word): boolean => {
    const sameLine = Math.abs(next.yMin - prev.yMin) < 2 && next.xMin >= prev.xMax - 1;
    const lineHeight = prev.yMax - prev.yMin;
    const nextLine = next.yMin > prev.yMin + lineHeight * 0.5 && next.yMin < prev.yMin + lineHeight * 1.8;
    return sameLine || nextLine;
  };
  const search = (pos: number, prev: Word | undefined, depth: number): Word[] | undefined => {
    if (pos === t.length) return [];
    if (depth > 60) return undefined;
    for (const w of byStart.get(t[pos]) ?? []) {
      if (prev !== undefined && !follows(prev, w)) continue;
      // pdftotext may join the end of one cell's text to the next cell's first word: the rest of the
      // text at the start of a longer word is found too.
      if (w.text.length > t.length - pos && w.text.startsWith(t.slice(pos))) return [w];
      if (!t.startsWith(w.text, pos)) continue;
      const rest = search(pos + w.text.length, w, depth + 1);
      if (rest !== undefined) return [w, ...rest];
    }
    return undefined;
  };
  // Every starting word: the cover that takes the least height wins (a word may also appear elsewhere).
  let best: Word[] | undefined;
  const extent = (ws: Word[]) => Math.max(...ws.map((w) => w.yMax)) - Math.min(...ws.map((w) => w.yMin));
  for (const first of byStart.get(t[0]) ?? []) {
    const rest =
      first.text.length >= t.length ? (first.text.startsWith(t) ? [] : undefined) : t.startsWith(first.text) ? search(first.text.length, first, 1) : undefined;
    if (rest === undefined) continue;
    const cover = [first, ...rest];
    if (best === undefined || extent(cover) < extent(best)) best = cover;
  }
  return best;
}

/** True when two words' boxes overlap by more than a sliver (text printed over text). */
export function overlap(a: Word, b: Word): boolean {
  const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
  const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
  return w > 1 && h > 2;
}
