import { test } from "node:test";
import assert from "node:assert/strict";
import { addRange, DAY, parseWhen, resolveWindow, sliceQuery, splitSlice, inWindow, uncovered } from "../../loaders/model/window.ts";
import { epochsForWindow } from "../../loaders/sync/git-mode.ts";
import { parseThreadRef, threadUrl } from "../../loaders/sources/lore/thread-source.ts";
import { retryAfterMs } from "../../loaders/sources/lore/http-client.ts";
import { listsFromFlags } from "../../loaders/commands/sync.ts";
import { DEFAULT_CONFIG } from "../../loaders/config.ts";

const T = (s: string) => Date.parse(s);

test("window: dates, 'N days' from today's UTC midnight, and bad input", () => {
  const now = T("2026-11-24T15:30:00Z");
  assert.equal(parseWhen("2024-07-01"), T("2024-07-01T00:00:00Z"));
  assert.equal(parseWhen("180d", now), T("2026-11-24T00:00:00Z") - 180 * DAY);
  assert.equal(parseWhen("7 days", now), T("2026-11-17T00:00:00Z"));
  assert.throws(() => parseWhen("last tuesday"), /bad date 'last tuesday'/);
  assert.throws(() => resolveWindow("2024-08-01", "2024-07-01"), /empty window/);
  const w = resolveWindow("2024-07-01", "2024-08-01");
  assert.ok(inWindow(T("2024-07-31T23:59:59Z"), w));
  assert.ok(!inWindow(T("2024-08-01T00:00:00Z"), w), "until is exclusive");
});

test("window: slice queries are inclusive public-inbox ranges that never overlap", () => {
  // whole days: d: is inclusive of both ends, so [Jul 1, Jul 8) is d:20240701..20240707
  assert.equal(sliceQuery({ from: T("2024-07-01"), to: T("2024-07-08") }), "d:20240701..20240707");
  assert.equal(sliceQuery({ from: T("2024-07-01"), to: null }), "d:20240701..");
  // below a day: dt: with seconds, end is to-1s
  assert.equal(sliceQuery({ from: T("2024-07-01T00:00:00Z"), to: T("2024-07-01T12:00:00Z") }), "dt:20240701000000..20240701115959");
  // splitting keeps the halves adjacent and day-aligned while the span allows it
  const [a, b] = splitSlice({ from: T("2024-07-01"), to: T("2024-07-09") })!;
  assert.deepEqual([a.to, b.from], [T("2024-07-05"), T("2024-07-05")]);
  const [c, d] = splitSlice({ from: T("2024-07-01"), to: T("2024-07-02") })!;
  assert.equal(c.to, T("2024-07-01T12:00:00Z"));
  assert.equal(d.to, T("2024-07-02"));
  assert.equal(splitSlice({ from: 0, to: 1000 }), null, "a 1 s slice cannot shrink");
});

test("window: refresh fetches the uncovered parts, with an overlap before the newest covered end", () => {
  const w = { since: T("2024-07-01"), until: null };
  assert.deepEqual(uncovered(w, [], 3 * DAY), [{ from: w.since, to: null }]);
  assert.deepEqual(uncovered(w, [{ from: w.since, to: T("2024-09-10") }], 3 * DAY), [{ from: T("2024-09-07"), to: null }]);
  assert.deepEqual(uncovered({ since: T("2024-06-01"), until: null }, [{ from: w.since, to: T("2024-09-10") }], 3 * DAY),
    [{ from: T("2024-06-01"), to: T("2024-07-01") }, { from: T("2024-09-07"), to: null }]);
  // covered Jul 1-Aug 1 and Dec 1-Dec 20: a window from Sep 1 fetches Sep-Nov and the overlap, not Dec
  const gapped = addRange([{ from: T("2024-07-01"), to: T("2024-08-01") }], { from: T("2024-12-01"), to: T("2024-12-20") });
  assert.equal(gapped.length, 2, "disjoint ranges stay apart");
  assert.deepEqual(uncovered({ since: T("2024-09-01"), until: T("2025-01-01") }, gapped, 3 * DAY),
    [{ from: T("2024-09-01"), to: T("2024-12-01") }, { from: T("2024-12-17"), to: T("2025-01-01") }]);
  // touching ranges merge; a window fully covered (bar the overlap) fetches only the overlap
  assert.deepEqual(addRange(gapped, { from: T("2024-08-01"), to: T("2024-12-01") }), [{ from: T("2024-07-01"), to: T("2024-12-20") }]);
  assert.deepEqual(uncovered({ since: T("2024-07-15"), until: T("2024-07-20") }, gapped, 3 * DAY), []);
  // gap ends that are not whole days widen to whole days inside the window
  assert.deepEqual(uncovered({ since: T("2024-07-01T06:00:00Z"), until: null }, [{ from: T("2024-07-03T10:00:00Z"), to: T("2024-07-20") }], 0),
    [{ from: T("2024-07-01T06:00:00Z"), to: T("2024-07-04") }, { from: T("2024-07-20"), to: null }]);
});

test("git mode: only the epochs whose arrival span meets the window", () => {
  const eps = [
    { n: 0, modified: T("2019-01-01") }, { n: 1, modified: T("2022-06-01") },
    { n: 2, modified: T("2024-03-01") }, { n: 3, modified: T("2024-11-20") },
  ];
  const last180 = { since: T("2024-05-24"), until: null };
  assert.deepEqual(epochsForWindow(eps, last180).map((e) => e.n), [3]);
  assert.deepEqual(epochsForWindow(eps, { since: T("2022-01-01"), until: T("2022-03-01") }).map((e) => e.n), [1]);
  // unknown tip times (no manifest): keep everything rather than miss mail
  assert.deepEqual(epochsForWindow([{ n: 0 }, { n: 1 }], last180).map((e) => e.n), [0, 1]);
});

test("thread refs: lore URLs and bare Message-IDs", () => {
  const r = parseThreadRef("https://lore.kernel.org/netdev/20240701.abc%2Fdef@example.org/T/#u", "https://lore.kernel.org/all/");
  assert.deepEqual(r, { inbox: "https://lore.kernel.org/netdev/", messageId: "20240701.abc/def@example.org" });
  assert.equal(threadUrl(r), "https://lore.kernel.org/netdev/20240701.abc%2Fdef%40example.org/t.mbox.gz");
  assert.deepEqual(parseThreadRef("<x@y>", "http://h/ibx"), { inbox: "http://h/ibx/", messageId: "x@y" });
  for (const bad of ["", "<>", "  ", "a\u0001b"]) assert.throws(() => parseThreadRef(bad, "http://h/"), /not a Message-ID/, JSON.stringify(bad));
  assert.throws(() => parseThreadRef("https://lore.kernel.org/netdev/", "http://h/"), /not a lore message URL/);
  // Message-IDs with %, #, ?, / and unicode: every form that names one id gives that id, and the
  // fetched URL round-trips to it; the forms that cannot (a raw '?' or '#') say how to write them
  const ids = ["50%off@x.org", "a#b@x.org", "q?x=1@x.org", "a/b/c@x.org", "grüße.日本@example.org", "%41@x", "a%2Fb@x"];
  for (const id of ids) {
    const enc = encodeURIComponent(id);
    for (const ref of [id, `<${id}>`, `https://lore.kernel.org/netdev/${enc}/`, `https://lore.kernel.org/netdev/${enc}/T/#u`]) {
      const r = parseThreadRef(ref, "https://lore.kernel.org/all/");
      assert.equal(r.messageId, id, ref);
      assert.equal(decodeURIComponent(threadUrl(r).split("/").slice(-2)[0]), id, `${ref}: fetched URL`);
    }
  }
  // pasted unencoded: a '%' that is no escape stays as it is; unicode is the browser's own encoding
  assert.equal(parseThreadRef("https://lore.kernel.org/netdev/50%off@x.org/", "http://h/").messageId, "50%off@x.org");
  assert.equal(parseThreadRef("https://lore.kernel.org/netdev/grüße@x.org/", "http://h/").messageId, "grüße@x.org");
  for (const raw of ["https://lore.kernel.org/netdev/a#b@x.org/", "https://lore.kernel.org/netdev/q?x=1@x.org/"]) {
    assert.throws(() => parseThreadRef(raw, "http://h/"), /holds '\?' or '#'.*%3F and %23/, raw);
  }
});

test("Retry-After: seconds or an HTTP date", () => {
  assert.equal(retryAfterMs("3"), 3000);
  assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 4000), 6000);
  assert.equal(retryAfterMs("soon"), undefined);
  assert.equal(retryAfterMs(undefined), undefined);
});

test("--list NAME=URL keeps the configured address; bad specs are clear errors", () => {
  const l = listsFromFlags(["netdev=http://127.0.0.1:1/netdev/", "ksummit=http://x/ksummit"], DEFAULT_CONFIG);
  assert.equal(l[0].address, "netdev@vger.kernel.org");
  assert.equal(l[1].inbox, "http://x/ksummit");
  assert.throws(() => listsFromFlags(["netdev"], DEFAULT_CONFIG), /expected NAME=INBOX_URL/);
  assert.throws(() => listsFromFlags(["netdev=/tmp/x"], DEFAULT_CONFIG), /http\(s\) URL/);
});
