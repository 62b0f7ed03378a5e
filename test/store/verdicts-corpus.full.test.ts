// Verdicts on the real 2024-h2 corpus (skipped without ../shared): every patchwork-bot "was
// applied to" notice and every unquoted "pw-bot:" line in a plain-text reply, found here by an
// independent scan of the raw mbox files, must be in the verdicts view with the right kind.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { SHARED } from "../helpers/shared.ts";
import { tempDir } from "./helpers.ts";

const CORPUS = join(SHARED, "corpus/2024-h2");
const LISTS = ["linux-cxl", "netdev", "linux-rdma"];

interface Found { notices: Map<string, string>; pwBot: Map<string, string> }

/** Raw scan: split on mboxrd separators, unfold headers, look at plain-text bodies only. */
function scan(file: string, out: Found): void {
  const text = gunzipSync(readFileSync(file)).toString("latin1");
  for (const entry of text.split(/^From mboxrd@z [^\n]*\n/m)) {
    const cut = entry.indexOf("\n\n");
    if (cut < 0) continue;
    const head = entry.slice(0, cut).replace(/\n[ \t]+/g, " ");
    const raw = entry.slice(cut + 2);
    const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(head)?.[1] ?? "";
    const id = /<([^>]+)>/.exec(header("message-id"))?.[1].trim();
    if (!id) continue;
    // single-part base64 bodies (a relay re-encoded some notices) decode with Buffer; QP is not decoded here
    const base64 = /base64/i.test(header("content-transfer-encoding")) && !/multipart/i.test(header("content-type"));
    const body = base64 ? Buffer.from(raw, "base64").toString("latin1") : raw;
    if (/^patchwork-bot\+\S*@kernel\.org$/i.test(header("from").trim())) {
      const m = /^This (?:series|patch|pull request) was applied to (\S+)/m.exec(body);
      if (m) out.notices.set(id, m[1]);
    }
    // a reply (quoted-printable bodies are not decoded by this simple scan)
    const reply = header("in-reply-to") !== "" && !/quoted-printable/i.test(header("content-transfer-encoding"));
    const pw = reply ? /^pw-bot:[ \t]*(\S+)[ \t]*$/m.exec(body) : null;
    if (pw) out.pwBot.set(id, pw[1].toLowerCase());
  }
}

const PW_KIND: Record<string, string> = { cr: "changes-requested", "changes-requested": "changes-requested", reject: "rejected", defer: "deferred", nap: "not-applicable", "not-applicable": "not-applicable", au: "awaiting-upstream" };

test("2024-h2: every patchwork-bot notice is an 'applied' verdict with its tree; every pw-bot line a pw-bot verdict", { timeout: 120_000 }, async (t) => {
  if (!existsSync(CORPUS)) return t.skip(`../shared corpus absent (${CORPUS})`);
  const found: Found = { notices: new Map(), pwBot: new Map() };
  for (const l of LISTS) scan(join(CORPUS, `${l}.mbox.gz`), found);
  assert.ok(found.notices.size > 300, `independent scan found ${found.notices.size} notices`);
  const tmp = tempDir();
  try {
    const store = await openStore(join(tmp.dir, "store"));
    await ingest(store, LISTS.map((l) => openSource(`${l}=${join(CORPUS, `${l}.mbox.gz`)}`)));
    const rows = await store.query<{ message_id: string; rule: string; kind: string; tree: string | null; n: number }>(
      "SELECT message_id, rule, kind, tree, len(items)::INTEGER AS n FROM verdicts WHERE rule IN ('patchwork-bot-applied', 'pw-bot')");
    const byId = new Map<string, typeof rows>();
    for (const r of rows) byId.set(r.message_id, [...(byId.get(r.message_id) ?? []), r]);
    const noticeMisses = [...found.notices].filter(([id, tree]) =>
      !byId.get(id)?.some((r) => r.rule === "patchwork-bot-applied" && r.kind === "applied" && r.tree === tree && r.n > 0));
    if (noticeMisses.length) console.log("notices missed:", noticeMisses);
    assert.deepEqual(noticeMisses, []);
    const pwMisses = [...found.pwBot].filter(([id, word]) =>
      !byId.get(id)?.some((r) => r.rule === "pw-bot" && r.kind === (PW_KIND[word] ?? "other")));
    if (pwMisses.length) console.log("pw-bot lines missed:", pwMisses);
    assert.deepEqual(pwMisses, []);
    assert.ok(found.pwBot.size > 100, `independent scan found ${found.pwBot.size} pw-bot lines`);
    // the notices are the bot's only verdicts: none beyond those the scan found
    const extra = rows.filter((r) => r.rule === "patchwork-bot-applied" && !found.notices.has(r.message_id));
    assert.deepEqual(extra.map((r) => r.message_id), []);
    await store.close();
  } finally {
    tmp.cleanup();
  }
});
