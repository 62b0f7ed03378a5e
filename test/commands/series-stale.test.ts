// `series <id>` for a patch stored after the last analysis (an ingest or sync still running, or
// one with --no-analyze) says the analysis is behind the mail, not that the message is no patch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli } from "../helpers/cli-in-process.ts";
import { tempDir } from "../store/helpers.ts";

const mail = (id: string, subject: string) => ["From mboxrd@z Thu Jan  1 00:00:00 1970", "From: Dev One <dev1@example.org>",
  "To: netdev@vger.kernel.org", `Subject: ${subject}`, "Date: Mon, 1 Jul 2024 12:00:00 +0000", `Message-ID: <${id}>`, "", "diff", "", ""].join("\n");

test("series: a patch stored after the last analysis is 'not analysed yet', then found once analysed", { timeout: 60_000 }, async (t) => {
  const tmp = tempDir("tg-series-stale-");
  t.after(tmp.cleanup);
  const d = tmp.dir;
  const store = join(d, "store");
  writeFileSync(join(d, "a.mbox"), mail("p1@example.org", "[PATCH] first") + mail("note@example.org", "a note"));
  writeFileSync(join(d, "b.mbox"), mail("p2@example.org", "[PATCH] second"));
  let r = await cli(["ingest", "--store", store, `netdev=${join(d, "a.mbox")}`]);
  assert.equal(r.status, 0, r.stderr);
  r = await cli(["ingest", "--store", store, "--no-analyze", `netdev=${join(d, "b.mbox")}`]);
  assert.equal(r.status, 0, r.stderr);
  r = await cli(["series", "--store", store, "--json", "p2@example.org"]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /p2@example\.org is in the store but not analysed yet .*run `threadgraph analyze`/);
  r = await cli(["series", "--store", store, "--json", "note@example.org"]);
  assert.match(r.stderr, /not analysed yet/, "while the analysis is behind, no message can be called 'no patch'");
  r = await cli(["analyze", "--store", store, "--out", join(d, "site")]);
  assert.equal(r.status, 0, r.stderr);
  r = await cli(["series", "--store", store, "--json", "p2@example.org"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).group.subject, "[PATCH] second");
  r = await cli(["series", "--store", store, "--json", "note@example.org"]);
  assert.match(r.stderr, /note@example\.org is in the store but is no patch posting/);
});
