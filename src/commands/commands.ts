/**
 * Ribbon commands entry, loaded into the shared runtime page (taskpane.html) with the functions and
 * the task pane. The ribbon's only button opens the task pane (a ShowTaskpane action: no code here).
 * On start it asks Office to load the add-in with this workbook from now on (see startup.ts).
 */
import { enableLoadOnOpen } from "./startup";

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => enableLoadOnOpen(Office));
}
