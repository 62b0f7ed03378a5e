// Framework data loader: the person shards (person id -> detail), served as data/site/person/p-XX.json.
import { emitArchive } from "../../../loaders/analysis/archive.ts";
await emitArchive("person");
