// Framework data loader: the thread shards (thread id -> detail), served as data/site/thread/t-XX.json.
import { emitArchive } from "../../../loaders/analysis/archive.ts";
await emitArchive("thread");
