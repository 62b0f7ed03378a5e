// `thread <id>` answered with the asked thread plus mail of another thread (a proxy or cache that
// mixed answers): only the messages a chain of references links to the asked one are stored; the
// others are errors rows. A reply linked through a missing parent (a ghost) or without a
// Message-ID of its own still belongs to the thread.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { cli } from "../helpers/cli-in-process.ts";
import { openStore } from "../../loaders/store/store.ts";
import { tempDir } from "../store/helpers.ts";

function mail(id: string | null, subject: string, refs: string[] = []): string {
  return ["From mboxrd@z Thu Jan  1 00:00:00 1970", "From: Dev <dev@example.org>", "To: netdev@vger.kernel.org", `Subject: ${subject}`,
    "Date: Mon, 1 Jul 2024 12:00:00 +0000", ...(id ? [`Message-ID: <${id}>`] : []),
    ...(refs.length ? [`In-Reply-To: <${refs[refs.length - 1]}>`, `References: ${refs.map((r) => `<${r}>`).join(" ")}`] : []), "", "body", "", ""].join("\n");
}

test("thread: mail of another thread in the answer is not stored as this thread", { timeout: 60_000 }, async (t) => {
  const tmp = tempDir("tg-thread-mixed-");
  t.after(tmp.cleanup);
  const answer = [
    mail("root@x", "[PATCH] root"),
    mail("r1@x", "Re: [PATCH] root", ["root@x"]),
    mail("r2@x", "Re: [PATCH] root", ["root@x", "ghost@x"]), // its parent is not in the archive
    mail("r3@x", "Re: [PATCH] root", ["ghost@x"]), // linked to the thread only through the ghost
    mail(null, "Re: [PATCH] root", ["r1@x"]), // no Message-ID: linked by its reference
    mail("other@x", "[PATCH] unrelated"),
    mail("other-reply@x", "Re: [PATCH] unrelated", ["other@x"]),
  ].join("");
  const srv: Server = createServer((_req, res) => { res.writeHead(200, { "content-type": "application/gzip" }); res.end(gzipSync(answer)); });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  t.after(() => srv.close());
  const store = join(tmp.dir, "store");
  const r = await cli(["thread", "--store", store, "--no-analyze", "--inbox", `http://127.0.0.1:${(srv.address() as AddressInfo).port}/netdev/`, "r1@x"]);
  assert.equal(r.status, 0, r.stderr);
  const s = await openStore(store);
  try {
    const ids = (await s.query<{ id: string }>("SELECT message_id AS id FROM messages ORDER BY 1")).map((x) => x.id);
    assert.equal(ids.length, 5, ids.join(" "));
    assert.deepEqual(ids.filter((id) => !id.startsWith("synthetic")), ["r1@x", "r2@x", "r3@x", "root@x"]);
    const errors = await s.query<{ reason: string }>("SELECT reason FROM errors ORDER BY position");
    assert.equal(errors.length, 2);
    assert.match(errors[0].reason, /message 6 \(other@x\) is not linked to r1@x by any chain of references/);
  } finally {
    await s.close();
  }
});
