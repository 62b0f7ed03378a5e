// Browser libraries that fail when Framework bundles them itself (Node `events`, `node:fs`, ...).
// `npm run vendor` bundles this file with esbuild into src/components/vendor.js (gitignored);
// pages import from "./components/vendor.js" so no page pulls an npm: import from a CDN.
// Inputs + htl (~15 KB gzipped) because every page loads them; the graph libraries are in
// vendor-graph-entry.js so only the graph explorer downloads and parses them. No arquero: the
// pages aggregate the fact tables with typed-array loops, and it cost every page ~75 KB gzipped.
export { html, svg } from "htl";
export * as Inputs from "@observablehq/inputs";
