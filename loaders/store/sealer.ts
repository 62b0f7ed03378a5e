// Background sealing: while the parser works on the next batches, DuckDB (in its own threads)
// turns already-committed JSON-lines parts into one Parquet part. The swap is a normal manifest
// commit made between batch commits, so kill safety is unchanged: until then the staged parts
// stay in the manifest, and an unfinished Parquet file is an orphan the next writer removes
// (garbage.ts recognises it by its name: the last staged part's, as Parquet).
import { join } from "node:path";
import { copyToParquet, jsonRelationSql } from "./parquet-writer.ts";
import { PART_TABLES, type PartTable } from "./schema.ts";
import type { DuckStore } from "./store.ts";

type Staged = Partial<Record<PartTable, string[]>>;
interface Sealed { staged: Staged; parts: Partial<Record<PartTable, string>> }

const staged = (parts: string[]) => parts.filter((p) => p.endsWith(".jsonl"));

export class Sealer {
  private inflight: Promise<Sealed> | null = null;
  private result: Sealed | null = null;
  private failure: unknown = null;

  /** Start sealing once this many batches are staged. */
  constructor(private store: DuckStore, private minParts = 3) {}

  /** Call between commits: swaps in a finished seal and starts the next one. */
  async step(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.result) this.finish(this.result);
    if (this.inflight) return;
    const m = this.store.manifest();
    const batches = new Set(Object.values(m.parts).flatMap((p) => staged(p).map((f) => f.replace(/^.*\//, ""))));
    if (batches.size >= this.minParts) this.start();
  }

  /** Seal everything still staged (end of an ingest run). */
  async flush(): Promise<void> {
    if (this.inflight) await this.inflight.catch(() => undefined);
    if (this.failure) throw this.failure;
    if (this.result) this.finish(this.result);
    const m = this.store.manifest();
    if ((Object.keys(PART_TABLES) as PartTable[]).some((t) => staged(m.parts[t]).length > 0)) {
      this.finish(await this.seal(this.snapshot()));
    }
  }

  private snapshot(): Staged {
    const m = this.store.manifest();
    const s: Staged = {};
    for (const t of Object.keys(PART_TABLES) as PartTable[]) {
      const p = staged(m.parts[t]);
      if (p.length) s[t] = p;
    }
    return s;
  }

  private start(): void {
    this.inflight = this.seal(this.snapshot()).then(
      (r) => { this.result = r; this.inflight = null; return r; },
      (e) => { this.failure = e; this.inflight = null; throw e; },
    );
    this.inflight.catch(() => undefined); // reported by the next step()/flush()
  }

  private async seal(s: Staged): Promise<Sealed> {
    const con = await this.store.con();
    const parts: Sealed["parts"] = {};
    for (const [t, files] of Object.entries(s) as [PartTable, string[]][]) {
      // Named after its last staged part's generation, with the Parquet extension: unique.
      const rel = files[files.length - 1].replace(/\.jsonl$/, ".parquet");
      await copyToParquet(con, jsonRelationSql(files.map((f) => join(this.store.dir, f)), PART_TABLES[t]), join(this.store.dir, rel));
      parts[t] = rel;
    }
    return { staged: s, parts };
  }

  private finish(r: Sealed): void {
    this.result = null;
    const m = this.store.manifest();
    const parts = { ...m.parts };
    for (const [t, files] of Object.entries(r.staged) as [PartTable, string[]][]) {
      parts[t] = [...m.parts[t].filter((p) => !files.includes(p)), r.parts[t]!];
    }
    // The staged parts are retired by the commit, not deleted: a reader may still be reading them.
    this.store.commit({ ...m, generation: m.generation + 1, parts });
  }
}
