// Synthetic corpus builder for the analysis tests: every message, person and trailer is made up.
import { shardName, shardOf } from "../../loaders/model/shard.ts";
import type { AnalysisMessage, AnalysisPatch, AnalysisPerson, AnalysisTrailer, Corpus } from "../../loaders/model/corpus.ts";
import { NO_PATCH } from "../../loaders/model/corpus.ts";
import type { TrailerKind } from "../../loaders/model/records.ts";
import { FILES } from "../../loaders/analysis/artifacts.ts";
// @ts-expect-error plain browser JS module without types
import { messageThread, threadDetail } from "../../src/components/thread-detail.js";

export const H = 3600_000;
export const D = 24 * H;
export const T0 = Date.UTC(2024, 6, 1); // Monday 2024-07-01

export interface MsgOpts {
  irt?: string; refs?: string[]; subject?: string; lists?: string[];
  patch?: Partial<AnalysisPatch>; bot?: boolean; nak?: boolean; fetched?: boolean;
}

export function msg(id: string, from: string, date: number | null, o: MsgOpts = {}): AnalysisMessage {
  const patch = o.patch ? { ...NO_PATCH, isPatch: true, ...o.patch } : NO_PATCH;
  return {
    id, from, date, subject: o.subject ?? (o.irt ? `Re: topic of ${id}` : `topic ${id}`),
    inReplyTo: o.irt ?? null, references: o.refs ?? (o.irt ? [o.irt] : []),
    lists: o.lists ?? ["alpha"], patch, isBot: o.bot ?? false, nakLine: o.nak ?? false, fetched: o.fetched,
  };
}

export function person(id: string, o: { bot?: boolean; name?: string } = {}): AnalysisPerson {
  const email = `${id}@example.org`;
  return { id, name: o.name ?? id.toUpperCase(), email, emails: [email], isBot: o.bot ?? false };
}

export function trailer(messageId: string, kind: TrailerKind, personId: string): AnalysisTrailer {
  return { messageId, kind, personId, name: personId.toUpperCase(), email: `${personId}@example.org` };
}

export function corpus(messages: AnalysisMessage[], trailers: AnalysisTrailer[] = [], extraPeople: AnalysisPerson[] = [], lists = ["alpha", "beta", "gamma"]): Corpus {
  const ids = new Set(messages.map((m) => m.from));
  for (const t of trailers) if (t.personId) ids.add(t.personId);
  const people = new Map(extraPeople.map((p) => [p.id, p]));
  for (const id of ids) if (!people.has(id)) people.set(id, person(id, { bot: messages.some((m) => m.from === id && m.isBot) }));
  return { messages, trailers, people: [...people.values()], lists, sources: [{ source: "synthetic", list: null, messages: messages.length }] };
}

/** What a page finds for `key` in a shard family (FILES.threadShard, ...) of siteFiles' output, as thread.md/person.md look it up (src/components/entity.js). */
export function fromShard<T>(files: Map<string, string>, file: (xx: string) => string, key: string): T | undefined {
  const raw = (f: (xx: string) => string, k: string) => {
    const text = files.get(f(shardName(shardOf(k))));
    if (text === undefined) throw new Error(`no shard file ${f(shardName(shardOf(k)))}`);
    return (JSON.parse(text) as Record<string, unknown>)[k];
  };
  const v = raw(file, key) as { series?: unknown } | undefined;
  if (v === undefined) return undefined;
  // The compact formats, decoded by the page's code: a message's thread id (0: its own), a thread's detail and its series part.
  if (file === FILES.messageShard) return messageThread(key, v) as T;
  if (file === FILES.threadShard) return threadDetail(v, typeof v.series === "string" ? raw(FILES.threadSeriesShard, v.series) : null) as T;
  return v as T;
}
