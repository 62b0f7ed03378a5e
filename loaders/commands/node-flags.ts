// The V8 flags every threadgraph process runs with: the CLI (package.json scripts pass them to
// node through tsx; bin/threadgraph.js starts itself again with them when they are missing), the
// Framework processes that run the site's data loaders (NODE_OPTIONS: `npm run dev`/`build`, and
// the preview `threadgraph start` spawns), and the benches' spawns of the CLI and the analysis
// (test/commands/node-flags.test.ts keeps them in step). A young generation of 128 MB
// semi-spaces instead of V8's 16: the analysis builds large structures that live across many
// 16 MB scavenges, so most of what it allocated was copied twice and promoted, then died in the
// old space. At ~212k messages: analysis CPU -1 to -1.3 s (of ~19.5), peak RSS 2.0 -> 1.7 GB;
// ingest CPU unchanged (docs/performance.md). Worker threads that need less cap their own
// (resourceLimits.maxYoungGenerationSizeMb).
export const NODE_FLAGS = ["--max-semi-space-size=128"] as const;

/** Whether a process with these node arguments and NODE_OPTIONS runs with every flag of NODE_FLAGS. */
export function hasNodeFlags(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ""): boolean {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/)]);
  return NODE_FLAGS.every((f) => given.has(f));
}

/** `env` for a spawned Node process (Framework and its data loaders): NODE_OPTIONS with NODE_FLAGS added once. */
export function withNodeFlags(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const own = env.NODE_OPTIONS?.trim() ?? "";
  const missing = NODE_FLAGS.filter((f) => !own.split(/\s+/).includes(f));
  return missing.length ? { ...env, NODE_OPTIONS: [...missing, own].filter(Boolean).join(" ") } : env;
}
