/**
 * Entry of the legacy bundle (webpack entry `taskpane-legacy`, compiled to ECMAScript 5), which loader.js
 * loads instead of the React one where the webview cannot run it: Internet Explorer 11 (Excel 2016 / 2019
 * volume-licensed) and EdgeHTML. Waits for Office, checks the host and the API version, then draws the
 * plain-DOM pane on the Office.js port — the same workflows as the modern pane.
 */
import "./polyfills";
import { OfficeLike, checkExcel, languageOf } from "../../excel/environment";
import { ExcelHost, createOfficePort } from "../../excel/office-port";
import { STRINGS } from "../i18n";
import { notReadyText } from "../support";
import { createWorkflows } from "../workflows";
import { h, mountLegacyPane } from "./pane";

async function main(): Promise<void> {
  const root = document.getElementById("root");
  if (root === null) return;
  const office = typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
  const firstLang = languageOf(office !== undefined && office.context !== undefined ? office.context.displayLanguage : navigator.language);
  root.appendChild(h("div", { class: "pane hint", "data-testid": "loading" }, [STRINGS[firstLang].loading]));
  const ready = await checkExcel(office);
  while (root.firstChild !== null) root.removeChild(root.firstChild);
  if (ready.kind !== "ready") {
    root.appendChild(h("div", { class: "pane" }, [h("div", { class: "msg warning", "data-testid": "not-ready" }, [notReadyText(ready)])]));
    return;
  }
  const port = createOfficePort(Excel as unknown as ExcelHost, ready.features);
  mountLegacyPane(root, { lang: ready.lang, workflows: createWorkflows(port), features: ready.features, abilities: ready.abilities });
}

(window as unknown as { __renoPane?: string }).__renoPane = "legacy";
main().catch((e: unknown) => {
  // Nothing else would tell the user: show it.
  const root = document.getElementById("root");
  if (root !== null) root.appendChild(h("div", { class: "msg error", "data-testid": "message" }, [String(e instanceof Error ? e.message : e)]));
});
