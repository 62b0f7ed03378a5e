// The V8 flags every threadgraph process is launched with (package.json scripts, bin/threadgraph.js's
// shebang, and the benches' spawns of the CLI and the analysis; test/commands/node-flags.test.ts
// keeps them in step). A young generation of 128 MB semi-spaces instead of V8's 16: the analysis
// builds large structures that live across many 16 MB scavenges, so most of what it allocated was
// copied twice and promoted, then died in the old space. Measured at ~212k messages: analysis CPU
// -1 to -1.3 s (of ~19.5), peak RSS 2.0 -> 1.7 GB; ingest CPU unchanged (docs/performance.md).
export const NODE_FLAGS = ["--max-semi-space-size=128"] as const;
