// Worker thread: ForceAtlas2 layout of a reply graph sent as plain arrays (see layout-job.ts).
import { parentPort, workerData } from "node:worker_threads";
import { layoutGraph } from "../graph/layout.ts";
import { graphFromWire, type LayoutRequest } from "./layout-job.ts";

const req = workerData as LayoutRequest;
const pos = layoutGraph(graphFromWire(req), req.seed);
parentPort!.postMessage([...pos]);
