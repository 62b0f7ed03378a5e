// Framework data loader: the address files of analysis/shards.ts, served as data/site/address/<file>.
import { emitArchive } from "../../../loaders/analysis/archive.ts";
await emitArchive("address");
