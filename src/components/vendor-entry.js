// Browser libraries that fail when Framework bundles them itself (Node `events`, `node:fs`, ...).
// `npm run vendor` bundles this file with esbuild into src/components/vendor.js (gitignored);
// pages import from "./components/vendor.js" so no page pulls an npm: import from a CDN.
export { default as Graph } from "graphology";
export { default as Sigma } from "sigma";
export { NodePointProgram } from "sigma/rendering";
export { html, svg } from "htl";
export * as aq from "arquero";
export * as Inputs from "@observablehq/inputs";
