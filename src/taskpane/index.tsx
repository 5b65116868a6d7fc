/**
 * Task pane entry (webpack entry `taskpane`, page taskpane.html — the shared runtime that also runs the
 * RENO.* functions and the ribbon commands). Waits for Office, checks the host and the API version,
 * then hands the Office.js port to the React app as a prop.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Field, FluentProvider, MessageBar, MessageBarBody, ProgressBar, webLightTheme } from "@fluentui/react-components";
import { MIN_EXCEL_API, OfficeLike, Readiness, checkExcel, languageOf } from "../excel/environment";
import { ExcelHost, createOfficePort } from "../excel/office-port";
import { App } from "./components/App";
import { Lang, STRINGS, say } from "./i18n";
import { createWorkflows } from "./workflows";

/** What to say when the task pane cannot work (no Office, not Excel, too old). */
function notReadyText(r: Exclude<Readiness, { kind: "ready" }>): string {
  const t = STRINGS[r.lang];
  switch (r.kind) {
    case "no-office":
      return say(r.lang, "pane.noOffice");
    case "not-excel":
      return say(r.lang, "pane.notExcel", { host: r.host });
    case "too-old":
      return t.tooOld(MIN_EXCEL_API);
  }
}

function Shell({ lang, children }: { lang: Lang; children: React.ReactNode }): React.ReactElement {
  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en"} style={{ minHeight: "100vh" }}>
      {children}
    </FluentProvider>
  );
}

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (container === null) return;
  const root = createRoot(container);
  const office = typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
  const firstLang = languageOf(office?.context?.displayLanguage ?? navigator.language);
  root.render(
    <Shell lang={firstLang}>
      <div style={{ padding: 16 }}>
        <Field validationMessage={STRINGS[firstLang].loading} validationState="none">
          <ProgressBar />
        </Field>
      </div>
    </Shell>,
  );
  const ready = await checkExcel(office);
  if (ready.kind !== "ready") {
    root.render(
      <Shell lang={ready.lang}>
        <div style={{ padding: 16 }}>
          <MessageBar intent="warning" data-testid="not-ready">
            <MessageBarBody>{notReadyText(ready)}</MessageBarBody>
          </MessageBar>
        </div>
      </Shell>,
    );
    return;
  }
  const port = createOfficePort(Excel as unknown as ExcelHost, ready.features);
  root.render(
    <Shell lang={ready.lang}>
      <App lang={ready.lang} workflows={createWorkflows(port)} features={ready.features} />
    </Shell>,
  );
}

void main();
