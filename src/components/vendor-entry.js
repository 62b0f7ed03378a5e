// Browser libraries that fail when Framework bundles them itself (Node `events`, `node:fs`, ...).
// `npm run vendor` bundles this file with esbuild into src/components/vendor.js (gitignored);
// pages import from "./components/vendor.js" so no page pulls an npm: import from a CDN.
// Inputs + htl (~40 KB) and arquero (~80 KB gzip: the pages compute their views from the fact
// tables with it) because every page loads them; the graph libraries are in
// vendor-graph-entry.js so only the graph explorer downloads and parses them.
export { html, svg } from "htl";
export * as Inputs from "@observablehq/inputs";
export * as aq from "arquero";
