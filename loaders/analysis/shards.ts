// Every thread and every person, one link away, without a generated page per entity: their page
// data goes into a fixed number of shard files (model/shard.ts), so thread.html?m=<message-id> and
// person.html?e=<address> each fetch two small files and the site build does not grow with the
// number of threads and people. Files (FILES in artifacts.ts):
//   message/m-XX.json  Message-ID -> thread id, 0 for its own (every stored message, and phantom roots)
//   thread/t-XX.json   thread id -> compact ThreadDetail (thread-detail-writer.ts)
//   thread/s-XX.json   series group id -> the series part of its threads' details
//   address/e-XX.json  address (addressKey) -> person id (every address of every person)
//   person/p-XX.json   person id -> PersonDetail
// Each detail is serialised once, straight to its bounded JSON text (thread-detail-json.ts,
// person-detail-json.ts), and spliced into its shard's object text.
import type { Analysis } from "./analyze.ts";
import { FILES, type PeopleArtifact, type ThreadsArtifact } from "./artifacts.ts";
import { addressKey, SHARDS, shardName, shardOf } from "../model/shard.ts";
import { capLength, clipText } from "../model/clip.ts";
import type { Appender, SiteSink } from "./site-sink.ts";

/**
 * Collects `"key":<json>` members per shard and writes each shard as one JSON object. Into a sink
 * that appends (a SiteDirSink), members go to their file every SHARD_FLUSH_CHARS characters, so
 * the ~200 MB of thread details at full scale die young instead of being kept (and promoted) until
 * the end; into a Map, each shard is set whole by writeTo. The same bytes either way.
 */
export class ShardSet {
  private parts: string[][] = Array.from({ length: SHARDS }, () => []);
  private chars = new Array<number>(SHARDS).fill(0);
  private out: (Appender | null)[] = new Array(SHARDS).fill(null);
  private seen = new Set<string>();
  constructor(private file: (name: string) => string, private sink?: SiteSink, private flushChars = SHARD_FLUSH_CHARS) {}
  /** The first value for a key wins (two people can share a case-folded address only by accident). */
  has(key: string): boolean { return this.seen.has(key); }
  add(key: string, json: string): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const i = shardOf(key), member = `${JSON.stringify(key)}:${json}`;
    this.parts[i].push(member);
    if (this.sink?.append && (this.chars[i] += member.length) >= this.flushChars) this.flush(i);
  }
  private flush(i: number): void {
    const out = this.out[i] ?? (this.out[i] = this.sink!.append!(this.file(shardName(i))));
    // The separator joins the first member: one joined string, not a second copy of it with "{" in front.
    const p = this.parts[i];
    if (p.length) { p[0] = (out.written ? "," : "{") + p[0]; out.write(p.join(",")); }
    this.parts[i] = [];
    this.chars[i] = 0;
  }
  /** Writes every shard (to `files`, or finishes the appended ones: the sink given to the constructor). */
  writeTo(files: SiteSink): void {
    this.parts.forEach((p, i) => {
      const out = this.out[i];
      if (!out) { files.set(this.file(shardName(i)), `{${p.join(",")}}`); return; }
      this.flush(i);
      out.write("}");
      out.close();
    });
  }
  /** Lets the files not finished by writeTo go (a failed run): no descriptor stays open. */
  abort(): void { for (const out of this.out) out?.abort(); }
}

/** Characters of members a shard buffers before they are appended to its file. */
export const SHARD_FLUSH_CHARS = 1 << 18;

/**
 * Details made between two yields of the shard writers: the analysis turns its event loop there
 * (site.ts), and each step of the derived tables' chain waits for such a turn. 250, not 1,000: with
 * the thread shards on their worker, the person shards' chunks were most of the turns left, and the
 * main thread waited 0.7–3 s for the chain at the end at 212k (0.1 s with 250).
 */
export const SHARD_YIELD_EVERY = 250;

/** The message shards' input: every stored message's id and thread id, by message index. */
export interface MessageThreads { count: number; id(i: number): string; threadId(i: number): string }

export function messageThreads(a: Analysis): MessageThreads {
  const msgs = a.corpus.messages, tid = a.tr.threading.threadId;
  return { count: msgs.length, id: (i) => msgs[i].id, threadId: (i) => tid[i] };
}

/** A thread's series part: its group id and the part's JSON text (the same for every thread of the group). */
export type SeriesPart = readonly [group: string, text: string];

/**
 * `detailJson(k, series)`: the bounded detail of the thread `threadIds[k]` (threads.rows[k]) as JSON
 * text (thread-detail-writer.ts) with `series` as its series member's text, made one at a time.
 * A series part is written once per group, into the series shards, and the details of its threads
 * name the group; a part that cannot be named so (another part under the same capped group id) is
 * held by the detail itself. Message shards map each Message-ID to its thread id, 0 when that is
 * the message's own id (every root). A generator: it yields every SHARD_YIELD_EVERY threads (run it
 * to the end). It runs in this thread or on the thread-shards worker (thread-shards-job.ts).
 */
export function* threadShardFiles(threadIds: readonly string[], detailJson: (k: number, series: string | null) => string, seriesOf: (k: number) => SeriesPart | null,
  msgs: MessageThreads, files: SiteSink): Generator<void, void, void> {
  const threads = new ShardSet(FILES.threadShard, files), messages = new ShardSet(FILES.messageShard, files);
  const series = new ShardSet(FILES.threadSeriesShard, files), seriesText = new Map<string, string>();
  const seriesMember = (s: SeriesPart | null): string | null => {
    if (s === null) return null;
    const key = capLength(s[0]), had = seriesText.get(key);
    if (had === undefined) { seriesText.set(key, s[1]); series.add(key, s[1]); }
    return had === undefined || had === s[1] ? JSON.stringify(key) : s[1];
  };
  try {
    for (let k = 0; k < threadIds.length; k++) {
      if (k % SHARD_YIELD_EVERY === SHARD_YIELD_EVERY - 1) yield;
      const id = threadIds[k];
      if (!threads.has(id)) threads.add(id, detailJson(k, seriesMember(seriesOf(k))));
      messages.add(id, "0"); // the root (a phantom root's id too: replies name it)
    }
    for (let i = 0; i < msgs.count; i++) { const id = msgs.id(i), t = msgs.threadId(i); messages.add(id, t === id ? "0" : JSON.stringify(t)); }
    threads.writeTo(files);
    messages.writeTo(files);
    series.writeTo(files);
  } finally {
    threads.abort();
    messages.abort();
    series.abort();
  }
}

/**
 * `detailJson(id)`: a person's bounded detail as JSON text (person-detail-json.ts), made one at a
 * time in `ids` order; `emails`: a person's addresses (the detail's `emails`). A generator, as threadShardFiles.
 */
export function* personShardFiles(people: PeopleArtifact, ids: readonly string[], detailJson: (id: string) => string, emails: (id: string) => string[],
  files: SiteSink): Generator<void, void, void> {
  const persons = new ShardSet(FILES.personShard, files), addresses = new ShardSet(FILES.addressShard, files);
  try {
    let n = 0;
    for (const id of ids) {
      if (++n % SHARD_YIELD_EVERY === 0) yield;
      if (!persons.has(id)) persons.add(id, detailJson(id));
    }
    // Ids first (a person's id is one of their addresses), so an id never resolves to someone else.
    for (const r of people.rows) addresses.add(addressKey(r.id), JSON.stringify(r.id));
    for (const id of ids) for (const e of emails(id)) addresses.add(addressKey(e), JSON.stringify(id));
    persons.writeTo(files);
    addresses.writeTo(files);
  } finally {
    persons.abort();
    addresses.abort();
  }
}

/**
 * The site search index, compact: people once ([id, name, up to 5 more addresses, messages, bot,
 * active] in search/people.json), threads newest first in SEARCH_CHUNKS files of
 * [subject, starter (index into the people rows, -1 if none), lists bit mask, start day, messages],
 * and their thread ids in the same order in ids-X.json: ids are ~40% of the index and only the
 * results shown need them.
 */
export const SEARCH_CHUNKS = 16;

export function searchFiles(a: Analysis, threads: ThreadsArtifact, people: PeopleArtifact, emails: (id: string) => string[], files: SiteSink): void {
  const lists = a.corpus.lists;
  const personIndex = new Map(people.rows.map((p, i) => [p.id, i]));
  // Every string bounded here as artifactJson would bound it (capLength: array items; clipped text
  // is shorter than that), so plain JSON.stringify: no walk over ~100k rows looking for one.
  const ppl = people.rows.map((p) => [capLength(p.id), clipText(p.name), capLength(emails(p.id).filter((e) => e !== p.id).slice(0, 5).map((e) => clipText(e)).join(" ")),
    p.messages, p.bot ? 1 : 0, p.active ? 1 : 0]);
  files.set(FILES.searchPeople, JSON.stringify({ rows: ppl }));
  const chunks: unknown[][] = Array.from({ length: SEARCH_CHUNKS }, () => []);
  const ids: string[][] = Array.from({ length: SEARCH_CHUNKS }, () => []);
  const rows = threads.rows.slice().sort((x, y) => (y.start ?? 0) - (x.start ?? 0));
  const per = Math.ceil(rows.length / SEARCH_CHUNKS) || 1;
  rows.forEach((t, i) => {
    let mask = 0;
    for (const l of t.lists) { const k = lists.indexOf(l); if (k >= 0) mask |= 1 << k; }
    ids[Math.floor(i / per)].push(t.id);
    chunks[Math.floor(i / per)].push([clipText(t.subject), t.author ? personIndex.get(t.author.id) ?? -1 : -1, mask,
      t.start === null ? null : Math.floor(t.start / 86400_000), t.messages]);
  });
  const listNames = lists.map((l) => capLength(l));
  chunks.forEach((c, i) => files.set(FILES.searchThreads(i.toString(16)), JSON.stringify({ lists: listNames, rows: c })));
  ids.forEach((c, i) => files.set(FILES.searchIds(i.toString(16)), JSON.stringify(c)));
}
