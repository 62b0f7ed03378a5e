// Worker entry in plain JS: a worker thread does not inherit tsx's module hooks from its parent,
// so it registers them before importing the TypeScript worker (as layout-boot.mjs does).
import { register } from "tsx/esm/api";

register();
await import("./graph-exports-worker.ts");
