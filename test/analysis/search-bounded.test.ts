// The search index is written with plain JSON.stringify (shards.ts searchFiles bounds each string
// itself, not through artifactJson's walk): its bytes must be what artifactJson gives for the same
// rows, and no string longer than STRING_MAX (+ "…"), with hostile ids, names, addresses, subjects and list names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { buildPeopleArtifacts, buildThreadsArtifacts } from "../../loaders/analysis/build-people.ts";
import { searchFiles, SEARCH_CHUNKS } from "../../loaders/analysis/shards.ts";
import { artifactJson } from "../../loaders/analysis/bounded.ts";
import { FILES } from "../../loaders/analysis/artifacts.ts";
import { clipText, STRING_MAX } from "../../loaders/model/clip.ts";
import { corpus, msg, person, H, T0 } from "./fixture.ts";

test("search files: the bytes of artifactJson, every string bounded", () => {
  const longId = "i".repeat(1500), zalgo = "z" + "\u0301\u0302\u0303".repeat(40);
  const longList = "l".repeat(1200) + "\u0007";
  const lists = ["alpha", longList];
  const ms = [
    msg("root", longId, T0, { subject: `${zalgo} ${"subject ".repeat(400)}`, lists }),
    msg("re", "bob", T0 + H, { irt: "root", lists: [longList] }),
    msg("other", "amy", T0 + 2 * H, { subject: "tab\there" }),
  ];
  const wide = { ...person(longId, { name: `N${zalgo}${"n".repeat(2000)}` }), emails: [longId, ...Array.from({ length: 7 }, (_, i) => `${"e".repeat(400)}${i}\u0002@example.org`)] };
  const a = analyzeCorpus(corpus(ms, [], [wide], lists));
  const { threads } = buildThreadsArtifacts(a), { people, emails } = buildPeopleArtifacts(a);
  const files = new Map<string, string>();
  searchFiles(a, threads, people, emails, files);
  // The reference: the rows as searchFiles makes them before bounding, through artifactJson.
  const ppl = people.rows.map((p) => [p.id, clipText(p.name), emails(p.id).filter((e) => e !== p.id).slice(0, 5).map((e) => clipText(e)).join(" "),
    p.messages, p.bot ? 1 : 0, p.active ? 1 : 0]);
  assert.equal(files.get(FILES.searchPeople), artifactJson({ rows: ppl }));
  const rows = threads.rows.slice().sort((x, y) => (y.start ?? 0) - (x.start ?? 0)), per = Math.ceil(rows.length / SEARCH_CHUNKS) || 1;
  const personIndex = new Map(people.rows.map((p, i) => [p.id, i]));
  for (let i = 0; i < SEARCH_CHUNKS; i++) {
    const c = rows.slice(i * per, (i + 1) * per).map((t) => [clipText(t.subject), t.author ? personIndex.get(t.author.id) ?? -1 : -1,
      t.lists.reduce((m, l) => (lists.indexOf(l) >= 0 ? m | (1 << lists.indexOf(l)) : m), 0), t.start === null ? null : Math.floor(t.start / 86400_000), t.messages]);
    assert.equal(files.get(FILES.searchThreads(i.toString(16))), artifactJson({ lists, rows: c }), `chunk ${i}`);
  }
  const strings = (v: unknown): string[] => (typeof v === "string" ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === "object" ? Object.values(v).flatMap(strings) : []);
  for (const [name, text] of files) for (const s of strings(JSON.parse(text))) assert.ok(s.length <= STRING_MAX + 1, `${name}: a string of ${s.length}`);
  assert.ok(files.get(FILES.searchPeople)!.includes("…"), "a long id or address list was cut");
});
