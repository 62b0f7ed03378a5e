// The store's public contract. Implemented in loaders/store/ (openStore in store.ts, ingest in ingest.ts).
// Everything downstream (analysis, sync, page loaders, `threadgraph query`) talks to the store only through this.

/** DuckDB column types used by derived tables. */
export type ColumnType =
  | "VARCHAR" | "BIGINT" | "INTEGER" | "DOUBLE" | "BOOLEAN" | "TIMESTAMP"
  | "VARCHAR[]" | "BIGINT[]" | "DOUBLE[]";

/** Rows given as one array per column, all `length` long (cheaper than an object per row for big tables). */
export interface DerivedColumns { length: number; columns: Record<string, ArrayLike<unknown>> }

export interface Store {
  readonly dir: string;
  /**
   * Run DuckDB SQL over the store's views. Core views: messages, people, trailers, naks, verdicts, errors, arrivals.
   * Derived views (threads, replies, reviews, ...) appear once written with writeDerived.
   * TIMESTAMP values come back as epoch milliseconds (number), lists as arrays, BIGINT as number.
   */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /**
   * Atomically replace a derived table (derived/<name>.parquet) and expose it as view <name>.
   * A derived table named `message_threads` (message_id, thread_id, series_id) is joined into
   * the messages view as columns thread_id and series_id. Rows are objects keyed by column name,
   * or DerivedColumns; fields not declared in `columns` are ignored, missing ones are null.
   */
  writeDerived(name: string, columns: Record<string, ColumnType>, rows: Record<string, unknown>[] | DerivedColumns): Promise<void>;
  /** Changes whenever the store's contents change (manifest generation + derived tables). For caches. */
  version(): Promise<string>;
  close(): Promise<void>;
}

export interface IngestOptions {
  /** Extra tracked lists (name=address); the defaults come from config. */
  lists?: { name: string; address: string }[];
  mailmap?: string;
  overrides?: string;
  /** Identity inputs chosen by flags, saved in the store (settings.json) once people are recomputed with them. */
  rememberIdentity?: { mailmap?: string | null; overrides?: string | null };
  /** Called often (not per message) with running totals, for progress display. */
  onProgress?: (p: IngestProgress) => void;
  /** Messages per committed batch; a kill loses at most one uncommitted batch, which a re-run redoes. */
  batchSize?: number;
}

export interface IngestProgress {
  source: string;
  messages: number;
  bytes: number;
  totalBytes?: number;
  elapsedMs: number;
}

export interface SourceSummary {
  source: string;
  /** The path read (a renamed mbox keeps its stored source id, under a new path). */
  path?: string;
  list?: string;
  seen: number;
  new: number;
  duplicate: number;
  conflicting: number;  // same Message-ID, different content
  deleted: number;
  error: number;
  /** Set when the source was stored under another LIST= tag: it was read again with the new one. */
  retagged?: { from: string | null; to: string | null };
  /** Set when this is a stored mbox found under another path (moved or renamed): read on from its cursor. */
  renamed?: { from: string; to: string };
}

export interface IngestSummary {
  sources: SourceSummary[];
  elapsedMs: number;
  /** The people tables changed (new senders, or other identity inputs): the analysis is stale. */
  peopleChanged?: boolean;
}
