// http mode: a slice answered with a valid mbox.gz of ANOTHER LIST (a proxy or cache that ignores
// the inbox path, an inbox URL that points at another list) is refused: nothing of it stored, the
// days stay unfetched, the sync fails naming the slice; the next sync against the right server
// fetches them. The right answer, even with mail that names this list only through an alias or
// a List-Id, is stored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { runSync, storeContent, tempDir, searchRange as range } from "./fixture.ts";
import { openStore } from "../../loaders/store/store.ts";

const DAY = 86_400_000;

function mail(id: string, t: number, to: string): string {
  return `From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Dev <dev@example.org>\n${to}\nSubject: m ${id}\n` +
    `Date: ${new Date(t).toUTCString()}\nMessage-ID: <${id}@example.org>\n\nbody\n\n`;
}

/** Two messages a day dated inside each asked slice: "wrong" mail of another list (one day a cross-post), else this list's. */
async function server(mode: { wrong: boolean }): Promise<{ base: string; close(): void }> {
  const srv: Server = createServer((req, res) => {
    if (req.method !== "POST") { res.writeHead(404); res.end(); return; }
    const [from, to] = range(req.url ?? "");
    let body = "";
    for (let t = from + DAY / 2; t < Math.min(to, Date.UTC(2024, 6, 15)); t += DAY) {
      const day = new Date(t).toISOString().slice(0, 10);
      if (mode.wrong) {
        body += mail(`other-${day}-a`, t, "To: rdma@lists.example.org\nList-Id: <rdma.lists.example.org>");
        body += mail(`other-${day}-b`, t, day === "2024-07-02" ? "To: rdma@lists.example.org\nCc: synth@lists.example.org" : "To: rdma@lists.example.org");
      } else {
        body += mail(`own-${day}-a`, t, "To: synth@lists.example.org");
        // Bcc'd to this list, known only by its List-Id; and one addressed to an old alias
        body += mail(`own-${day}-b`, t, day === "2024-07-03" ? "To: synth-devel@old.example.org" : "To: a@example.org\nList-Id: Synth <synth.lists.example.org>");
      }
    }
    if (!body) { res.writeHead(404, { "content-type": "text/plain" }); res.end("No results found\n"); return; }
    res.writeHead(200, { "content-type": "application/gzip" });
    res.end(gzipSync(body));
  });
  return new Promise((r) => srv.listen(0, "127.0.0.1", () =>
    r({ base: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/synth/`, close: () => srv.close() })));
}

test("a slice answered with another list's mail is refused, stays unfetched and is fetched by the next sync", { timeout: 60_000 }, async () => {
  const t = tempDir("wrong-list");
  const mode = { wrong: true };
  const s = await server(mode);
  try {
    const store = join(t.dir, "store");
    const opts = { store, list: "synth", address: "synth@lists.example.org", inbox: s.base, mode: "http" as const,
      since: "2024-07-01", until: "2024-07-15", extra: { http: { retries: 0 } } };
    const bad = await runSync(opts);
    assert.equal(bad.ok, false);
    assert.match(bad.lists[0].failure ?? "", /another list's mail: \d+ of \d+ messages in 2024-07-01\.\.2024-07-08 name rdma\.lists\.example\.org, only 1 name this list/);
    assert.equal(bad.lists[0].new, 0);
    assert.ok(!(await storeContent(store).catch(() => [])).some((l) => l.startsWith("other-")), "nothing of another list stored");
    mode.wrong = false;
    const good = await runSync(opts);
    assert.ok(good.ok, JSON.stringify(good.lists));
    const ids = (await storeContent(store)).map((l) => l.split(" ")[0]);
    assert.ok(!ids.some((id) => id.startsWith("other-")));
    assert.equal(ids.filter((id) => id.startsWith("own-")).length, 28, "every day of the window, fetched by the second sync");
    const st = await openStore(store);
    try {
      const lists = await st.query<{ n: number }>("SELECT count(*)::INT AS n FROM messages WHERE list_contains(lists, 'synth')");
      assert.equal(lists[0].n, 28);
    } finally {
      await st.close();
    }
  } finally {
    s.close();
    t.cleanup();
  }
});
