// graphology + sigma (~170 KB minified), bundled by `npm run vendor` into src/components/vendor-graph.js
// (gitignored). Only graph-explorer.js imports it, so other pages never download it.
export { default as Graph } from "graphology";
export { default as Sigma } from "sigma";
export { NodePointProgram } from "sigma/rendering";
