// A person's page data (PersonDetail, in the person shards) written straight to its JSON text:
// the same bytes as artifactJson(boundPersonDetail(detail)) with its series part (build-people.ts
// builds that object from the same parts; test/analysis/person-detail-json.test.ts compares),
// without an object per activity row, correspondent, review and thread nor artifactJson's walk
// over them (at ~200k messages the person shards were the biggest builder after the threads').
import type { Analysis } from "./analyze.ts";
import type { ReviewRow } from "./reviews.ts";
import type { PersonDetailParts } from "./build-people.ts";
import type { PeopleArtifact, PersonFacts } from "./artifacts.ts";
import { artifactJson, DETAIL_ROWS } from "./bounded.ts";
import { personRef } from "./build-graph.ts";
import { threadKey } from "./keys.ts";
import { capLength, clipText } from "../model/clip.ts";

const J = JSON.stringify;
/** A string artifactJson bounds as an id (capLength) or as display text (clipText). */
const id = (s: string) => J(capLength(s));
const text = (s: string) => J(clipText(s));
/** JSON.stringify of a number or null, without the call (dates and counts are finite). */
const num = (x: number | null) => (x === null || !Number.isFinite(x) ? "null" : "" + x);
/**
 * An array of JSON texts, cut to DETAIL_ROWS as boundPersonDetail does. Joined, not appended to one
 * string: join makes one flat string of the pieces while they are fresh (a rope of every piece
 * kept until its shard is written survived the young-generation GCs and made the join there slow).
 */
const list = <T>(xs: readonly T[], f: (x: T) => string) => {
  const out: string[] = [];
  for (let i = 0; i < xs.length && i < DETAIL_ROWS; i++) out.push(f(xs[i]));
  return `[${out.join(",")}]`;
};

/**
 * Each people.json row's bounded JSON (artifactJson(row)), by person id, made once: people.json is
 * their list (peopleJson) and each person's detail starts with theirs (rows were serialised twice).
 */
export function peopleRowJson(people: PeopleArtifact): Map<string, string> {
  return new Map(people.rows.map((r) => [r.id, artifactJson(r)]));
}

/** people.json's text from peopleRowJson: the bytes of artifactJson(people) ("rows" is no text list: each row is bounded alone). */
export function peopleJson(rowJson: ReadonlyMap<string, string>): string {
  return `{"rows":[${[...rowJson.values()].join(",")}]}`;
}

/**
 * `json(id, series, facts)`: the detail text of person `id` from `parts(id)` (buildPeopleArtifacts),
 * its optional series part and fact-table references (person-facts.ts; null: none; integers only:
 * plain JSON.stringify, artifactJson's walk over every reply row would find nothing to bound). `messageIndex`: corpus index of a Message-ID (review targets' subjects);
 * `rowJson`: the rows' JSON (peopleRowJson).
 */
export function personDetailJson(a: Analysis, parts: (id: string) => PersonDetailParts, messageIndex: (id: string) => number | undefined,
  rowJson: ReadonlyMap<string, string>):
  (id: string, series: unknown, facts: PersonFacts | null) => string {
  const msgs = a.corpus.messages;
  // A person reference's JSON without its closing brace (correspondents add their weight there), made once per person.
  const refs = new Map<string, string>();
  const refOpen = (p: string) => { let r = refs.get(p); if (r === undefined) refs.set(p, (r = artifactJson(personRef(a, p)).slice(0, -1))); return r; };
  const lists = new Map<readonly string[], string>();
  const listsJson = (l: readonly string[]) => { let r = lists.get(l); if (r === undefined) lists.set(l, (r = J(l.map((x) => capLength(x))))); return r; };
  // A thread's texts by thread index, made once for all the reviews and thread lists naming it:
  // its subject, the reviews' `"thread_id":..,"thread_key":..,"subject":..` and the thread lists'
  // `{"id":..,"key":..,"subject":..,"messages":..,"start":..`. Joined: flat strings, not ropes
  // walked again by every text that copies them.
  const subjects: string[] = [], reviewThread: string[] = [], listThread: string[] = [];
  const subjectOf = (ti: number) => (subjects[ti] ??= text(a.tr.threads[ti].subject));
  const threadOfReview = (ti: number) => (reviewThread[ti] ??= ['"thread_id":', id(a.tr.threads[ti].id), ',"thread_key":', id(threadKey(a, ti)), ',"subject":', subjectOf(ti)].join(""));
  const threadInList = (ti: number) => {
    let r = listThread[ti];
    if (r === undefined) { const t = a.tr.threads[ti]; r = listThread[ti] = ['{"id":', id(t.id), ',"key":', id(threadKey(a, ti)), ',"subject":', subjectOf(ti), ',"messages":', `${t.members.length}`, ',"start":', num(t.start)].join(""); }
    return r;
  };
  const kinds = new Map<string, string>();
  const kindJson = (k: string) => { let r = kinds.get(k); if (r === undefined) kinds.set(k, (r = `{"kind":${id(k)},"other":`)); return r; };
  const review = (x: ReviewRow, other: string | null): string => {
    const t = threadOfReview(a.tr.threadIndex.get(x.threadId)!);
    const target = x.target !== null ? messageIndex(x.target) : undefined;
    return `${kindJson(x.kind)}${refOpen(other ?? "")}},"message_id":${id(x.messageId)},${t},"date":${num(x.date)},"lists":${listsJson(x.lists)}` +
      (x.source !== undefined ? `,"source":${id(x.source)}` : "") +
      `,"target_id":${x.target === null ? "null" : id(x.target)},"target_subject":${target !== undefined ? text(msgs[target].subject) : "null"}}`;
  };
  const corr = ([o, w]: [string, number]) => `${refOpen(o)},"w":${w}}`;
  return (pid, series, facts) => {
    const d = parts(pid), row = d.row;
    let out = `{"person":${rowJson.get(pid)!},"emails":${list(d.emails, (e) => J(capLength(clipText(e))))}` +
      `,"activity":[${d.activity.map(([m, l, n]) => `{"month":${id(m)},"list":${id(l)},"messages":${n}}`).join(",")}]`;
    out += `,"correspondents_out":${list(d.out, corr)},"correspondents_in":${list(d.in, corr)}` +
      `,"reviews_given":${list(d.reviewsGiven, (x) => review(x, x.author))},"reviews_received":${list(d.reviewsReceived, (x) => review(x, x.reviewer))}` +
      `,"naks_given":${list(d.naksGiven, (x) => review(x, x.author))},"naks_received":${list(d.naksReceived, (x) => review(x, x.reviewer))}` +
      `,"response":{"replies":${d.replies},"median_ms":${num(d.median)},"p90_ms":${num(d.p90)},"first_replies":${row.first_replies}}` +
      `,"threads":${list(d.threads, (ti) => { const t = a.tr.threads[ti]; return `${threadInList(ti)},"started":${t.sender === pid && !t.rootIsPhantom}}`; })}`;
    return out + (series !== null ? `,"series":${artifactJson(series)}` : "") + (facts !== null ? `,"facts":${J(facts)}` : "") + "}";
  };
}
