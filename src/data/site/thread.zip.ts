// Framework data loader: per-thread detail files, served as data/site/thread/<key>.json.
import { emitArchive } from "../../../loaders/analysis/archive.ts";
await emitArchive("thread");
