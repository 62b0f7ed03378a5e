// Worker entry in plain JS: a worker thread does not inherit tsx's module hooks from its parent,
// so it registers them before importing the TypeScript worker (as parse/worker-boot.mjs does).
import { register } from "tsx/esm/api";

register();
await import("./job-worker-main.ts");
