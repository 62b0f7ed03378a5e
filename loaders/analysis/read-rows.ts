// Bulk reads of the store for the analysis: rows as arrays, decoded from a few large JSON texts.
import type { Store } from "../store/api.ts";

/** Rows per JSON text, and the row length from which a row gets a text of its own. */
const TEXT_ROWS = 4096, OWN_TEXT = 16384;

/** One result of readRowSets: the rows of `select`, ordered by `order`, each as an array of the `cols` values. */
export interface RowSet { select: string; cols: readonly string[]; order: string }

const q = (c: string) => `"${c.replace(/"/g, '""')}"`;

/**
 * Several results in one statement (one round trip, and DuckDB works on them in parallel). Each set
 * is ordered by its `order`, so every run reads the same rows in the same order. DuckDB encodes each row as a JSON array led by
 * its position and joins a few thousand into one text (a long row, e.g. a huge hostile subject,
 * goes alone, so no text outgrows what a JS string can hold); JSON.parse decodes the few dozen
 * texts natively and each row goes to its position. Several times cheaper than the row API's JS
 * object per row and per value, and cheaper than one text per row (the result reader's per-value work).
 */
export async function readRowSets<K extends string>(store: Store, sets: Record<K, RowSet>): Promise<Record<K, unknown[][]>> {
  return decodeRowSets(await queryRowSets(store, sets));
}

/** readRowSets' statement done, its texts not decoded yet: a caller may issue its next statement first. */
export interface RowTexts<K extends string> { names: K[]; texts: { k: number; n: number; j: string }[] }

/** readRowSets' statement alone (see there). */
export async function queryRowSets<K extends string>(store: Store, sets: Record<K, RowSet>): Promise<RowTexts<K>> {
  const names = Object.keys(sets) as K[];
  const parts = names.map((name, k) => {
    const s = sets[name];
    return `SELECT ${k} AS k, json_array(rn, ${s.cols.map(q).join(", ")})::VARCHAR AS j, rn FROM (
        SELECT *, row_number() OVER (ORDER BY ${s.order}) - 1 AS rn FROM (${s.select}))`;
  });
  const texts = await store.query<{ k: number; n: number; j: string }>(`SELECT k, count(*)::INTEGER AS n, '[' || string_agg(j, ',') || ']' AS j
    FROM (${parts.join("\n UNION ALL ")}) GROUP BY k, CASE WHEN length(j) > ${OWN_TEXT} THEN -1 - rn ELSE rn // ${TEXT_ROWS} END`);
  return { names, texts };
}

/** How many rows set `name` of queryRowSets' texts has. */
export function rowCount<K extends string>({ names, texts }: RowTexts<K>, name: K): number {
  const k = names.indexOf(name);
  let n = 0;
  for (const t of texts) if (t.k === k) n += t.n;
  return n;
}

/**
 * Each row of set `name` to `f`, with its position in the set's order, one text at a time and in no
 * particular order: `row[0]` is the position, the values follow. A caller that keeps only what it
 * makes of each row lets a text's rows die young (a scavenge copies only what survives), where
 * decoding every row first kept them all alive until the last was made into something else.
 */
export function eachRow<K extends string>({ names, texts }: RowTexts<K>, name: K, f: (row: unknown[], at: number) => void): void {
  const k = names.indexOf(name);
  for (const t of texts) if (t.k === k) for (const r of JSON.parse(t.j) as unknown[][]) f(r, r[0] as number);
}

/** What `f` makes of each row of set `name` (eachRow), in the set's order. */
export function mapRows<K extends string, T>(t: RowTexts<K>, name: K, f: (row: unknown[]) => T): T[] {
  const out = new Array<T>(rowCount(t, name));
  eachRow(t, name, (r, at) => { out[at] = f(r); });
  return out;
}

/** The rows of set `name` of queryRowSets' texts, in its order, each as its values. */
export function rowsOf<K extends string>(t: RowTexts<K>, name: K): unknown[][] {
  return mapRows(t, name, (r) => { r.shift(); return r; });
}

/** The rows of queryRowSets' texts, each set's in its order. */
export function decodeRowSets<K extends string>(t: RowTexts<K>): Record<K, unknown[][]> {
  const out = {} as Record<K, unknown[][]>;
  for (const name of t.names) out[name] = rowsOf(t, name);
  return out;
}

/** The rows of one select (readRowSets with one set). */
export async function readRows(store: Store, select: string, cols: readonly string[], order: string): Promise<unknown[][]> {
  return (await readRowSets(store, { rows: { select, cols, order } })).rows;
}

/**
 * One frozen array per distinct content, from a list read as JSON text (`to_json(col)::VARCHAR`):
 * most messages reached the same few list and source combinations, so the text is a key to one
 * shared array, parsed once per combination, instead of an array and its strings per message
 * (less heap, cheaper GC). null reads as []. With `names`, the list holds positions in it (1-based).
 */
export function sharedArrays(names?: readonly string[]): (json: string | null) => string[] {
  const shared = new Map<string, string[]>();
  return (json) => {
    const k = json ?? "[]";
    let v = shared.get(k);
    if (!v) {
      const xs = JSON.parse(k) as (string | number)[];
      shared.set(k, (v = Object.freeze(names ? xs.map((p) => names[(p as number) - 1]) : xs) as string[]));
    }
    return v;
  };
}

/**
 * One string per distinct value: the corpus names the same few thousand people many times (senders,
 * trailers); JSON.parse makes a copy for each, and kept copies cost heap and GC for the rest of the
 * run. null stays null.
 */
export function stringInterner(): <T extends string | null>(s: T) => T {
  const shared = new Map<string, string>();
  return <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const v = shared.get(s);
    if (v !== undefined) return v as T;
    shared.set(s, s);
    return s;
  };
}
