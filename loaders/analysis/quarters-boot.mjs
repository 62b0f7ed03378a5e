// Worker entry in plain JS (see layout-boot.mjs): registers tsx's hooks, then runs the quarters' graph metrics (graph-buckets.ts).
import { register } from "tsx/esm/api";

register();
await import("./quarters-worker.ts");
