// Framework data loader: the page artifacts (meta.json, graph.json, people.json, ...; see
// loaders/analysis/artifacts.ts) as data/site/<file>. Store: $THREADGRAPH_STORE (default data/store).
import { emitArchive } from "../../loaders/analysis/archive.ts";
await emitArchive("site");
