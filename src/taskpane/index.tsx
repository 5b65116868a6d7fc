/**
 * Task pane entry of the modern bundle (webpack entry `taskpane`, ES2020, React + Fluent UI), loaded by
 * loader.js on taskpane.html — the shared runtime that also runs the RENO.* functions and the ribbon
 * commands where Excel has them. Internet Explorer 11 / old Edge get legacy/index.ts instead. Waits for
 * Office, checks the host and the API version, then hands the Office.js port to the React app as a prop.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Field, FluentProvider, MessageBar, MessageBarBody, ProgressBar, webLightTheme } from "@fluentui/react-components";
import { OfficeLike, checkExcel, languageOf } from "../excel/environment";
import { ExcelHost, createOfficePort } from "../excel/office-port";
import { App } from "./components/App";
import { Lang, STRINGS } from "./i18n";
import { notReadyText } from "./support";
import { createWorkflows } from "./workflows";

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
      <App lang={ready.lang} workflows={createWorkflows(port)} features={ready.features} abilities={ready.abilities} />
    </Shell>,
  );
}

// loader.js: the modern bundle parsed and started (a syntax error would leave this unset and load the legacy one).
(window as unknown as { __renoPane?: string }).__renoPane = "modern";
void main();
