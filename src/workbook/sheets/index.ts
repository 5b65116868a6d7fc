/** The output sheets of a run, each a pure builder returning `SheetData`. */
export * from "./text";
export * from "./calendar";
export * from "./result-sheet";
export * from "./summary-sheet";
export * from "./audit-sheet";
export * from "./publicity-sheet";
export * from "./elevator-sheet";
export * from "./elevator-lines";
export * from "./paper";
export * from "./notice-sheet";
