// The graph downloads' job on the job worker (see graph-exports-job.ts): made and written into the
// site directory there; answers with their names.
import { join } from "node:path";
import { graphExportFiles, type GraphExportInput } from "./build-graph.ts";
import { writeFileNamed } from "../store/write-file.ts";
import type { JobResult } from "./job-worker-main.ts";

export function graphExportsOnWorker({ dir, input }: { dir: string; input: GraphExportInput }): JobResult {
  const names: string[] = [];
  for (const [name, text] of Object.entries(graphExportFiles(input))) { writeFileNamed(join(dir, name), text, "output"); names.push(name); }
  return { value: { names } };
}
