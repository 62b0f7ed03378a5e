// Browser libraries that fail when Framework bundles them itself (Node `events`, `node:fs`, ...).
// `npm run vendor` bundles this file with esbuild into src/components/vendor.js (gitignored);
// pages import from "./components/vendor.js" so no page pulls an npm: import from a CDN.
// Inputs + htl (~15 KB gzipped) because every page loads them; the graph libraries
// (vendor-graph-entry.js) and arquero (vendor-arquero-entry.js) are bundles of their own, so only
// the pages that use them download and parse them.
export { html, svg } from "htl";
export * as Inputs from "@observablehq/inputs";
