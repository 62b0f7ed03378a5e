// Framework data loader: the search files of analysis/shards.ts, served as data/site/search/<file>.
import { emitArchive } from "../../../loaders/analysis/archive.ts";
await emitArchive("search");
