// Pure helpers of the site components (no browser): link sanitising, lore links, CSV export.
import { test } from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error plain browser JS module without types
import { safeHref, loreUrl, threadHref, personHref, fmtDuration, fmtDate, fmtDateTime, fmtPct } from "../../src/components/dom.js";
// @ts-expect-error plain browser JS module without types
import { toCsv } from "../../src/components/table.js";

test("safeHref keeps https and relative links, neutralises script and data URLs", () => {
  for (const ok of ["https://lore.kernel.org/r/x", "./people/abc", "../threads/k1", "people/abc", "?q=1", "#top"]) assert.equal(safeHref(ok), ok);
  for (const bad of ["javascript:alert(3)", " javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "vbscript:x", "http://evil.example"]) {
    assert.equal(safeHref(bad), "#", bad);
  }
});

test("loreUrl percent-encodes the Message-ID so it cannot break out of the path", () => {
  assert.equal(loreUrl("a/b?c#d@example.org"), "https://lore.kernel.org/r/a%2Fb%3Fc%23d%40example.org");
  assert.equal(loreUrl("<x>\"@y"), "https://lore.kernel.org/r/%3Cx%3E%22%40y");
});

test("thread and person links round-trip any id through the page's query parameter", () => {
  for (const id of ["a/b@x", "100%@x", "a+b@x", "..", ".", "x y&m=evil#frag@z", "ünï@例え", "<br>@x", "a=b?c@d"]) {
    for (const [href, param] of [[threadHref(id), "m"], [personHref(id), "e"]]) {
      assert.ok(href.startsWith(param === "m" ? "./thread.html?m=" : "./person.html?e="), href);
      assert.equal(safeHref(href), href);
      const u = new URL(href, "http://host/site/");
      assert.equal(u.pathname, param === "m" ? "/site/thread.html" : "/site/person.html");
      assert.deepEqual([...u.searchParams.keys()], [param], href);
      assert.equal(u.searchParams.get(param), id, href);
    }
  }
  assert.equal(personHref(""), null);
});

/** The Message-ID a lore link leads to: the /r/<id> path segment, or the id of a mid:"..." search. */
function idOf(href: string): string {
  const u = new URL(href);
  assert.equal(u.origin, "https://lore.kernel.org", href);
  assert.equal(u.hash, "", href);
  if (u.pathname.startsWith("/r/")) {
    const seg = u.pathname.slice(3);
    assert.ok(!seg.includes("/") && seg !== "" && !/^(\.|%2e){1,2}$/i.test(seg), `one real path segment: ${href}`);
    assert.match(seg, /^[A-Za-z0-9\-._~%]*$/, `only unreserved characters and escapes: ${href}`);
    return decodeURIComponent(seg);
  }
  assert.equal(u.pathname, "/all/", href);
  const q = /^mid:"(.*)"$/s.exec(u.searchParams.get("q") ?? "");
  assert.ok(q, `exact Message-ID search: ${href}`);
  return q[1].replace(/""/g, '"');
}

test("every lore link round-trips to its exact Message-ID, dot segments included", () => {
  const ids = ["..", ".", "...", "", "%2e", "%2E%2e", ".%2e", "a/../b", "./x", "/", "//", "a/b", "?", "#", "%", "%25", "a?b=c&d#e",
    "with space", "+plus+", "é@ü.example", "😀@x", "<script>alert(1)</script>", "<<script>>", "\"'`", "x'(y)*!", "\\back", "tab\there",
    "new\nline", "20240701.abc@kernel.org", "CAH=f+x-y_z~@mail.gmail.com"];
  for (const id of ids) {
    const href = loreUrl(id);
    assert.equal(idOf(href), id, `${JSON.stringify(id)} -> ${href}`);
    // What a browser does with the link: the parsed URL is the link itself (nothing resolved away).
    assert.equal(new URL(href).href, href, `${JSON.stringify(id)} is not normalised by the URL parser`);
  }
});

test("toCsv quotes commas, quotes and newlines, joins arrays, keeps raw values, defuses formulas", () => {
  const csv = toCsv(
    [{ s: 'He said "NAK", twice\nreally', n: 3, l: ["netdev", "linux-cxl"] }, { s: "=HYPERLINK(1)", n: -2, l: [] }],
    [{ key: "s", label: "Subject" }, { key: "n", label: "Msgs", format: () => "formatted" }, { key: "l", label: "Lists" }],
  );
  assert.equal(csv, `Subject,Msgs,Lists\n"He said ""NAK"", twice\nreally",3,netdev;linux-cxl\n'=HYPERLINK(1),-2,`);
});

test("fmtDuration picks readable units", () => {
  assert.equal(fmtDuration(null), "–");
  assert.equal(fmtDuration(45 * 60_000), "45 min");
  assert.equal(fmtDuration(3 * 3_600_000), "3.0 h");
  assert.equal(fmtDuration(3 * 86_400_000), "3.0 d");
});

test("CSV downloads are flat: ISO dates, durations in hours, names not JSON, a \"Last, First\" name stays one cell", () => {
  const at = Date.UTC(2024, 6, 1, 12, 30);
  const person = { id: "p1", key: "k", name: "Doe, Jane", home: "netdev" };
  const rows = [{ start: at, first: at, wait: 90 * 60_000, share: 0.25, reviewer: person, participants: [person, { ...person, name: "=Roe" }],
    by_home: { netdev: 2, "linux-rdma": 1 }, lists: { netdev: 4 } }];
  const csv = toCsv(rows, [
    { key: "start", label: "Started", format: fmtDate }, { key: "first", label: "First", format: fmtDateTime },
    { key: "wait", label: "Median wait", format: fmtDuration }, { key: "share", label: "Share", format: fmtPct },
    { key: "reviewer", label: "Reviewer", format: (v: { name: string }) => v.name },
    { key: "participants", label: "Participants" },
    { key: "by_home", label: "By home", format: (v: Record<string, number>) => Object.entries(v).map(([k, n]) => `${k}: ${n}`).join(" · ") },
    { key: "list:netdev", label: "netdev", format: (_: unknown, r: { lists: Record<string, number> }) => String(r.lists.netdev), csv: (r: { lists: Record<string, number> }) => r.lists.netdev },
  ]);
  const [head, line] = csv.split("\n");
  assert.equal(head, "Started,First,Median wait (hours),Share,Reviewer,Participants,By home,netdev");
  assert.equal(line, `2024-07-01T12:30:00.000Z,2024-07-01T12:30:00.000Z,1.5,0.25,"Doe, Jane","Doe, Jane · =Roe",netdev: 2 · linux-rdma: 1,4`);
  assert.doesNotMatch(csv, /[{}]/, "no JSON objects");
  // An object shown as several lines is one line in the CSV.
  assert.equal(toCsv([{ l: { netdev: 2, rdma: 1 } }], [{ key: "l", label: "L", format: (v: Record<string, number>) => Object.entries(v).map(([k, n]) => `${k} ${n}`).join("\n") }]), "L\nnetdev 2; rdma 1");
  // A lone formula-looking name is still neutralised.
  assert.match(toCsv([{ p: { name: "=cmd" } }], [{ key: "p", label: "P" }]), /\n'=cmd$/);
});

test("weekly chart data: silent weeks are zeros, partial weeks are found", async () => {
  // @ts-expect-error plain browser JS module without types
  const { fillWeeks, partialWeeks } = await import("../../src/components/weekly-chart.js");
  const W = 7 * 86_400_000, w0 = Date.UTC(2024, 6, 1);
  const rows = [{ week: w0, list: "a", messages: 5, days: 3 }, { week: w0 + 3 * W, list: "a", messages: 2, days: 7 }, { week: w0 + 3 * W, list: "b", messages: 9, days: 7 }];
  const filled = fillWeeks(rows, ["a", "b"], "messages");
  assert.deepEqual(filled.filter((r: { list: string }) => r.list === "a").map((r: { messages: number }) => r.messages), [5, 0, 0, 2]);
  assert.deepEqual(filled.filter((r: { list: string }) => r.list === "b").map((r: { messages: number }) => r.messages), [0, 0, 0, 9]);
  assert.deepEqual(partialWeeks(rows), [{ week: w0, days: 3 }]);
});

test("monthly chart: the window's first and last months are partial", async () => {
  // @ts-expect-error plain browser JS module without types
  const { partialMonths } = await import("../../src/components/monthly-chart.js");
  const start = Date.UTC(2024, 6, 20), end = Date.UTC(2024, 8, 10, 12); // 20 Jul .. 10 Sep (last message)
  assert.deepEqual(partialMonths(["2024-07", "2024-08", "2024-09"], start, end), [{ month: "2024-07", days: 12, of: 31 }, { month: "2024-09", days: 10, of: 30 }]);
  assert.deepEqual(partialMonths(["2024-08"], null, null), []);
});
