// Framework data loader: per-person detail files, served as data/site/person/<key>.json.
import { emitArchive } from "../../../loaders/analysis/archive.ts";
await emitArchive("person");
