/** Reading the input sheets of the standard workbook (workbook-layout.md). */
export * from "./errors";
export * from "./cells";
export * from "./columns";
export * from "./stage";
export * from "./policy-sheet";
export * from "./project-sheet";
export * from "./household-sheet";
export * from "./elevator-sheet";
export * from "./read-inputs";
