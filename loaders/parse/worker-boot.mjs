// Worker entry in plain JS. The parse worker is TypeScript, and a worker thread does not get
// tsx's module hooks from its parent (neither from `--import tsx` nor from bin/threadgraph.js's
// register()), so it registers them itself before importing the worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
