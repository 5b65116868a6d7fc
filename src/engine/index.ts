/** The engine's public surface: pure functions over plain typed data, no Office.js, no Node APIs. */
export * from "./money";
export * from "./exact-int";
export * from "./fixed";
export * from "./messages";
export * from "./errors";
export * from "./read";
export * from "./sources";
export * from "./policy";
export * from "./relief";
export * from "./allocate";
export * from "./approval";
export * from "./project";
export * from "./households";
export * from "./vote";
export * from "./input";
export * from "./elevator-input";
export * from "./elevator";
export * from "./elevator-output";
export * from "./calculate";
export * from "./ratio-text";
export * from "./json";
/** The product's version (equal to package.json's: a test checks it). */
export const ENGINE_VERSION = "0.1.0";
