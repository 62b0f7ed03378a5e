// Framework data loader: the thread shards, served as data/site/thread/t-XX.json (thread id -> compact
// detail) and thread/s-XX.json (a series group's history, shared by its revisions' threads).
import { emitArchive } from "../../../loaders/analysis/archive.ts";
await emitArchive("thread");
