// A person's page data (PersonDetail, in the person shards) written straight to its JSON text:
// the same bytes as artifactJson(boundPersonDetail(detail)) with its series part (build-people.ts
// builds that object from the same parts; test/analysis/person-detail-json.test.ts compares),
// without an object per activity row, correspondent, review and thread nor artifactJson's walk
// over them (at ~200k messages the person shards were the biggest builder after the threads').
import type { Analysis } from "./analyze.ts";
import type { ReviewRow } from "./reviews.ts";
import type { PersonDetailParts } from "./build-people.ts";
import type { PeopleArtifact, PersonFacts } from "./artifacts.ts";
import { quantile } from "./build-people.ts";
import { artifactJson, DETAIL_ROWS } from "./bounded.ts";
import { personRef } from "./build-graph.ts";
import { threadKey } from "./keys.ts";
import { capLength, clipText } from "../model/clip.ts";

const J = JSON.stringify;
/** A string artifactJson bounds as an id (capLength) or as display text (clipText). */
const id = (s: string) => J(capLength(s));
const text = (s: string) => J(clipText(s));
const num = (x: number | null) => (x === null ? "null" : J(x));
/** An array of JSON texts, cut to DETAIL_ROWS as boundPersonDetail does. */
const list = <T>(xs: readonly T[], f: (x: T) => string) => { const out: string[] = []; for (let i = 0; i < xs.length && i < DETAIL_ROWS; i++) out.push(f(xs[i])); return `[${out.join(",")}]`; };

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
  const refs = new Map<string, string>();
  const ref = (p: string) => { let r = refs.get(p); if (r === undefined) refs.set(p, (r = artifactJson(personRef(a, p)))); return r; };
  const lists = new Map<readonly string[], string>();
  const listsJson = (l: readonly string[]) => { let r = lists.get(l); if (r === undefined) lists.set(l, (r = J(l.map((x) => capLength(x))))); return r; };
  // A thread's id, key and subject as JSON, made once for all the reviews and thread lists naming it (by thread index).
  const threadTexts = new Map<number, { id: string; key: string; subject: string }>();
  const threadJson = (ti: number) => {
    let r = threadTexts.get(ti);
    if (r === undefined) { const t = a.tr.threads[ti]; threadTexts.set(ti, (r = { id: id(t.id), key: id(threadKey(a, ti)), subject: text(t.subject) })); }
    return r;
  };
  const review = (x: ReviewRow, other: string | null): string => {
    const t = threadJson(a.tr.threadIndex.get(x.threadId)!);
    const target = x.target !== null ? messageIndex(x.target) : undefined;
    return `{"kind":${id(x.kind)},"other":${ref(other ?? "")},"message_id":${id(x.messageId)},"thread_id":${t.id}` +
      `,"thread_key":${t.key},"subject":${t.subject},"date":${num(x.date)},"lists":${listsJson(x.lists)}` +
      (x.source !== undefined ? `,"source":${id(x.source)}` : "") +
      `,"target_id":${x.target === null ? "null" : id(x.target)},"target_subject":${target !== undefined ? text(msgs[target].subject) : "null"}}`;
  };
  const corr = ([o, w]: [string, number]) => `${ref(o).slice(0, -1)},"w":${J(w)}}`;
  return (pid, series, facts) => {
    const d = parts(pid), row = d.row;
    return `{"person":${rowJson.get(pid)!},"emails":${list(d.emails, (e) => J(capLength(clipText(e))))}` +
      `,"activity":[${d.activity.map(([m, l, n]) => `{"month":${id(m)},"list":${id(l)},"messages":${J(n)}}`).join(",")}]` +
      `,"correspondents_out":[${d.out.map(corr).join(",")}],"correspondents_in":[${d.in.map(corr).join(",")}]` +
      `,"reviews_given":${list(d.reviewsGiven, (x) => review(x, x.author))},"reviews_received":${list(d.reviewsReceived, (x) => review(x, x.reviewer))}` +
      `,"naks_given":${list(d.naksGiven, (x) => review(x, x.author))},"naks_received":${list(d.naksReceived, (x) => review(x, x.reviewer))}` +
      `,"response":{"replies":${J(d.lat.length)},"median_ms":${num(quantile(d.lat, 0.5))},"p90_ms":${num(quantile(d.lat, 0.9))},"first_replies":${J(row.first_replies)}}` +
      `,"threads":${list(d.threads, (t) => { const j = threadJson(a.tr.threadIndex.get(t.id)!); return `{"id":${j.id},"key":${j.key},"subject":${j.subject},"messages":${J(t.members.length)}` +
        `,"start":${num(t.start)},"started":${J(t.sender === pid && !t.rootIsPhantom)}}`; })}` +
      (series !== null ? `,"series":${artifactJson(series)}` : "") + (facts !== null ? `,"facts":${J(facts)}` : "") + "}";
  };
}
