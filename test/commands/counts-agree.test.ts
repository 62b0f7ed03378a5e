// One definition per headline figure: the refresh line ingest prints, `stats --json` (its
// all_time and window scopes) and the site's meta.counts agree on a synthetic store that has
// the cases where definitions drift: a bot, a person named only in a trailer, reviews in replies
// and a review carried inside a later patch version, and a report window that leaves mail out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../store/helpers.ts";
import { cli as inProcess } from "../helpers/cli-in-process.ts";

// In-process (test/helpers/cli-in-process.ts): what the commands do, not the process boundary (test/cli.test.ts).
const tg = (...args: string[]) => inProcess(args, { env: { THREADGRAPH_STORE: "" } });

function message(id: string, from: string, subject: string, day: number, body: string, parent?: string): string {
  return [`From mboxrd@z Thu Jan  1 00:00:00 1970`, `From: ${from}`, "To: netdev@vger.kernel.org", `Subject: ${subject}`,
    `Date: ${new Date(Date.UTC(2024, 6, day, 12)).toUTCString()}`, `Message-ID: <${id}@synthetic.example>`,
    ...(parent ? [`In-Reply-To: <${parent}@synthetic.example>`] : []), "", body, "", ""].join("\n");
}

const ANN = "Ann Author <ann@synthetic.example>", BOB = "Bob Reviewer <bob@synthetic.example>";
const ROBOT = "kernel test robot <lkp@intel.com>";
const MBOX = [
  message("p1", ANN, "[PATCH] net: one", 1, "change\n\nSigned-off-by: Ann Author <ann@synthetic.example>"),
  message("r1", BOB, "Re: [PATCH] net: one", 2, "> change\n\nReviewed-by: Bob Reviewer <bob@synthetic.example>\nAcked-by: Cy Onlynamed <cy@synthetic.example>", "p1"),
  message("b1", ROBOT, "Re: [PATCH] net: one", 3, "build failed", "p1"),
  // v2 carries the earlier tags: not reviews given in replies
  message("p2", ANN, "[PATCH v2] net: one", 20, "change\n\nReviewed-by: Bob Reviewer <bob@synthetic.example>\nSigned-off-by: Ann Author <ann@synthetic.example>"),
  message("r2", "Dee Later <dee@synthetic.example>", "Re: [PATCH v2] net: one", 21, "> change\n\nTested-by: Dee Later <dee@synthetic.example>", "p2"),
].join("");

/** "analyzed N messages: ..., P people active, ..., R reviews given in replies, K NAKs" from a refresh line. */
function refreshLine(out: string) {
  const m = /analyzed (\d+) messages: (\d+) threads, \d+ series, (\d+) people active, graph (\d+) people \/ (\d+) edges .*, (\d+) reviews given in replies, (\d+) NAKs/.exec(out);
  assert.ok(m, out);
  const [messages, threads, people, graph_people, reply_edges, reviews, naks] = m.slice(1).map(Number);
  return { messages, threads, people, graph_people, reply_edges, reviews, naks };
}

test("ingest's refresh line, stats --json and the site's meta.counts give the same figures", { timeout: 120_000 }, async () => {
  const t = tempDir("tg-counts-");
  try {
    const store = join(t.dir, "store"), mbox = join(t.dir, "a.mbox");
    writeFileSync(mbox, MBOX);
    const ing = await tg("ingest", "--store", store, `netdev=${mbox}`);
    assert.equal(ing.status, 0, ing.stderr);
    const line = refreshLine(ing.stdout);
    const stats = JSON.parse((await tg("stats", "--store", store, "--json")).stdout);
    const meta = JSON.parse(readFileSync(join(store, "site/meta.json"), "utf8")).counts;

    // The fixture's truth: Ann, Bob, Dee sent mail (the robot is a bot, Cy is only named).
    assert.equal(line.people, 3);
    assert.equal(line.reviews, 3, "Bob's Reviewed-by, Cy's Acked-by and Dee's Tested-by in replies; the carried tag is not one");
    for (const k of Object.keys(line) as (keyof typeof line)[]) {
      assert.equal(stats.window[k], line[k], `stats window.${k}`);
      assert.equal(meta[k], line[k], `meta.counts.${k}`);
    }
    assert.equal(stats.window.reviews_carried, meta.reviews_carried);
    assert.equal(stats.window.reviews_carried, 1);
    // All data in the window: the all-time figures agree with the window's.
    assert.equal(stats.window.since, null);
    assert.equal(stats.all_time.people, line.people);
    assert.equal(stats.all_time.messages, line.messages);
    assert.equal(stats.all_time.bots, meta.bots);
    assert.equal(stats.all_time.people_listed, meta.people_listed);

    // A window that leaves July's first fortnight out: window figures follow it, all_time does not.
    const an = await tg("analyze", "--store", store, "--since", "2024-07-15");
    assert.equal(an.status, 0, an.stderr);
    const wline = refreshLine(an.stdout);
    const s2 = JSON.parse((await tg("stats", "--store", store, "--json")).stdout);
    const meta2 = JSON.parse(readFileSync(join(store, "site/meta.json"), "utf8")).counts;
    assert.deepEqual([wline.messages, wline.people, wline.reviews], [2, 2, 1]);
    for (const k of Object.keys(wline) as (keyof typeof wline)[]) {
      assert.equal(s2.window[k], wline[k], `stats window.${k}`);
      assert.equal(meta2[k], wline[k], `meta.counts.${k}`);
    }
    assert.equal(s2.window.since, "2024-07-15");
    assert.deepEqual([s2.all_time.messages, s2.all_time.people], [5, 3]);
  } finally {
    t.cleanup();
  }
});
