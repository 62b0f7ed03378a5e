// Framework data loader: the message files of analysis/shards.ts, served as data/site/message/<file>.
import { emitArchive } from "../../../loaders/analysis/archive.ts";
await emitArchive("message");
