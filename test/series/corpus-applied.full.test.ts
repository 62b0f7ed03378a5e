// On the real 2024-h2 corpus (skipped when ../shared is absent): every patchwork-bot "was applied
// to" notice must mark the series it answers as applied, for >= 97% of the notices. The notices
// are counted here by an independent scan of the mbox files (headers + body lines), not through
// the parser or the verdicts table; the misses are printed with their reason.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { readCorpus } from "../../loaders/analysis/store-io.ts";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { tempDir } from "../store/helpers.ts";
import { SHARED } from "../helpers/shared.ts";

const CORPUS = join(SHARED, "corpus/2024-h2");
const LISTS = ["linux-rdma", "linux-cxl", "netdev"];

interface Notice { id: string; inReplyTo: string | null; what: string; file: string }

/** patchwork-bot notices in an mboxrd .gz: From patchwork-bot+...@kernel.org, a body line "This series|patch|pull request was applied to". */
async function scanNotices(file: string): Promise<Notice[]> {
  const out: Notice[] = [];
  let headers: string[] = [], inHeaders = false, cur: { id: string | null; irt: string | null; bot: boolean; what: string | null } | null = null;
  const finish = () => { if (cur && cur.bot && cur.what && cur.id) out.push({ id: cur.id, inReplyTo: cur.irt, what: cur.what, file }); };
  const header = (name: string) => {
    const h = headers.find((l) => l.toLowerCase().startsWith(`${name}:`));
    return h ? h.slice(name.length + 1).trim() : null;
  };
  const angle = (v: string | null) => (v ? /<([^>]+)>/.exec(v)?.[1].trim() ?? null : null);
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.startsWith("From mboxrd@z ")) { finish(); headers = []; inHeaders = true; cur = null; continue; }
    if (inHeaders) {
      if (line === "") {
        inHeaders = false;
        const from = header("from") ?? "";
        cur = { id: angle(header("message-id")), irt: angle(header("in-reply-to")), bot: /patchwork-bot\+[^@\s]*@kernel\.org/i.test(from), what: null };
      } else if (/^\s/.test(line) && headers.length) headers[headers.length - 1] += " " + line.trim();
      else headers.push(line);
      continue;
    }
    const m = /^This (series|patch|pull request) was applied to /.exec(line);
    if (cur && cur.bot && !cur.what && m) cur.what = m[1];
  }
  finish();
  return out;
}

test("patchwork-bot 'was applied to' notices mark the series they answer as applied (>= 97%)", { timeout: 600_000 }, async (t) => {
  if (!existsSync(CORPUS)) { t.skip(`no real corpus at ${CORPUS} (set THREADGRAPH_SHARED)`); return; }
  const notices = new Map<string, Notice>();
  for (const l of LISTS) for (const n of await scanNotices(join(CORPUS, `${l}.mbox.gz`))) if (!notices.has(n.id)) notices.set(n.id, n);
  const pulls = [...notices.values()].filter((n) => n.what === "pull request");
  const series = [...notices.values()].filter((n) => n.what !== "pull request");
  const dir = tempDir();
  const store = await openStore(dir.dir);
  try {
    await ingest(store, LISTS.map((l) => openSource(`${l}=${join(CORPUS, `${l}.mbox.gz`)}`)));
    const a = analyzeCorpus(await readCorpus(store, LISTS), { deferLayout: () => {} });
    const { revisions, revisionOf, outcomes } = a.series.lifecycle;
    const idx = new Map(a.corpus.messages.map((m, i) => [m.id, i]));
    // A notice answering a patch posted before the corpus starts (June 2024) has no series in the
    // corpus to mark: listed, and left out of the share.
    const unseen = series.filter((n) => n.inReplyTo !== null && !idx.has(n.inReplyTo));
    const observed = series.filter((n) => !unseen.includes(n));
    const misses: string[] = [];
    for (const n of observed) {
      const target = n.inReplyTo === null ? undefined : idx.get(n.inReplyTo);
      const r = target === undefined ? -1 : revisionOf[target];
      const why = n.inReplyTo === null ? "no In-Reply-To" : target === undefined ? `answers ${n.inReplyTo}, not in the corpus`
        : r < 0 ? `answers ${n.inReplyTo}, under no patch posting` : outcomes[r].outcome !== "applied" ? `revision ${revisions[r].id} is ${outcomes[r].outcome}` : null;
      if (why) misses.push(`${n.id} (${n.file.split("/").pop()}): ${why}`);
    }
    const share = 1 - misses.length / observed.length;
    console.log(`patchwork-bot notices: ${series.length} series/patch (+ ${pulls.length} pull requests, not series); ` +
      `${unseen.length} answer a posting from before the corpus; of the other ${observed.length}, marked applied: ` +
      `${observed.length - misses.length} (${(100 * share).toFixed(1)}%; ${(100 * (1 - (misses.length + unseen.length) / series.length)).toFixed(1)}% of all)`);
    for (const n of unseen) console.log(`  before the corpus: ${n.id} answers ${n.inReplyTo}`);
    for (const m of misses) console.log(`  miss: ${m}`);
    assert.ok(series.length >= 250, `expected the corpus' ~300 notices, scanned ${series.length}`);
    assert.ok(unseen.length <= 0.05 * series.length, `${unseen.length} notices answer postings missing from the corpus`);
    assert.ok(share >= 0.97, `${misses.length} of ${observed.length} notices do not mark their series applied`);
  } finally {
    await store.close();
    dir.cleanup();
  }
});
