// graphology + sigma (~170 KB minified), bundled by `npm run vendor` into src/components/vendor-graph.js
// (gitignored). Only graph-explorer.js imports it, so other pages never download it.
export { default as Graph } from "graphology";
export { default as Sigma } from "sigma";
export { NodePointProgram } from "sigma/rendering";
// ForceAtlas2 in a web worker (its worker build inlines the worker code as a Blob: no extra file,
// works offline) for re-laying out the shown subgraph when the filters change.
export { default as FA2Layout } from "graphology-layout-forceatlas2/worker";
export { animateNodes } from "sigma/utils";
import forceAtlas2 from "graphology-layout-forceatlas2";
export const fa2InferSettings = forceAtlas2.inferSettings;
