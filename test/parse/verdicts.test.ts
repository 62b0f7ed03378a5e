// Verdict rules (loaders/parse/verdicts.ts) on synthetic bodies: patchwork-bot notices, pw-bot
// lines, maintainers' "Applied"/"Queued" replies and b4's summary; quoted text, signatures,
// prose and hostile lines give no verdict.
import { test } from "node:test";
import assert from "node:assert/strict";
import { scanVerdicts } from "../../loaders/parse/verdicts.ts";
import { parseMessage } from "../../loaders/parse/message.ts";

const BOT = { name: "", email: "patchwork-bot+examplebpf@kernel.org" };
const MAINT = { name: "Mae Tainer", email: "mae@example.org" };
const scan = (body: string, from = MAINT, isReply = true) => scanVerdicts(body, from, isReply);
const only = (body: string, from = MAINT) => {
  const v = scan(body, from);
  assert.equal(v.length, 1, `one verdict expected in ${JSON.stringify(body.slice(0, 200))}, got ${JSON.stringify(v).slice(0, 400)}`);
  return v[0];
};

const botNotice = (what: string, items: string[]) => [
  "Hello:", "", `This ${what} was applied to zoo/zoo-next.git (main)`, "by Ann Plier <ann@example.org>:", "",
  "On Mon, 1 Jul 2024 you wrote:", "> a quoted cover letter line", "> ", "> [...]", "",
  "Here is the summary with links:", ...items, "", "You are awesome, thank you!", "-- ", "Deet-doot-dot, I am a bot.", "",
].join("\n");

test("patchwork-bot: series notice with tree, branch, applier and every listed patch", () => {
  const v = only(botNotice("series", [
    "  - [zoo-next,v2,1/3] zoo: add a thing", "    https://git.kernel.org/zoo/zoo-next/c/0123456789ab",
    "  - [zoo-next,v2,2/3] zoo: use the thing", "    (no matching commit)",
    "  - [zoo-next,v2,3/3] zoo: drop the old thing", "    https://git.kernel.org/zoo/zoo-next/c/ba9876543210",
  ]), BOT);
  assert.deepEqual({ ...v, raw: undefined }, {
    kind: "applied", rule: "patchwork-bot-applied", state: null, name: "Ann Plier", email: "ann@example.org",
    tree: "zoo/zoo-next.git", branch: "main", scope: "series", raw: undefined,
    items: [
      { subject: "[zoo-next,v2,1/3] zoo: add a thing", commit: "https://git.kernel.org/zoo/zoo-next/c/0123456789ab" },
      // partial application: this one has no commit
      { subject: "[zoo-next,v2,2/3] zoo: use the thing", commit: null },
      { subject: "[zoo-next,v2,3/3] zoo: drop the old thing", commit: "https://git.kernel.org/zoo/zoo-next/c/ba9876543210" },
    ],
  });
  assert.match(v.raw, /^This series was applied to zoo\/zoo-next\.git \(main\)\nby Ann Plier <ann@example\.org>:$/);
});

test("patchwork-bot: patch and pull-request notices; a bot mail without a notice gives nothing", () => {
  const p = only(botNotice("patch", ["  - [v3] zoo: one fix", "    https://git.kernel.org/zoo/zoo/c/aaaaaaaaaaaa"]), BOT);
  assert.equal(p.scope, "patch");
  assert.equal(p.items.length, 1);
  const pr = only(botNotice("pull request", ["  - pull request: zoo 2024-07-01", "    https://git.kernel.org/zoo/zoo/c/bbbbbbbbbbbb"]), BOT);
  assert.equal(pr.scope, "pull-request");
  assert.deepEqual(scan("Hello:\n\nSomething else happened.\n", BOT), []);
  // the same words from a person are not a bot notice
  assert.deepEqual(scan(botNotice("series", []), MAINT), []);
});

test("pw-bot: every mailbot state and alias, unknown states kept as 'other', quoted lines ignored", () => {
  const cases: [string, string, string][] = [
    ["cr", "changes-requested", "changes-requested"], ["changes-requested", "changes-requested", "changes-requested"],
    ["reject", "rejected", "rejected"], ["rejected", "rejected", "rejected"], ["defer", "deferred", "deferred"],
    ["nap", "not-applicable", "not-applicable"], ["not-applicable", "not-applicable", "not-applicable"],
    ["au", "awaiting-upstream", "awaiting-upstream"], ["accept", "accepted", "accepted"], ["superseded", "superseded", "superseded"],
    ["under-review", "other", "under-review"], ["nac", "other", "needs-ack"], ["frobnicate", "other", "frobnicate"],
    ["constructor", "other", "constructor"], ["__proto__", "other", "__proto__"], ["tostring", "other", "tostring"],
  ];
  for (const [word, kind, state] of cases) {
    const v = only(`Please fix the leak.\n\npw-bot: ${word}\n`);
    assert.deepEqual([v.kind, v.state, v.rule, v.email, v.scope], [kind, state, "pw-bot", MAINT.email, "series"], word);
  }
  // after the signature still counts: mailbot reads the whole body, and the footer is where it goes
  assert.equal(only("Needs a respin.\n-- \npw-bot: cr\n").kind, "changes-requested");
  for (const q of ["> pw-bot: cr\n", "> > pw-bot: reject\n", "  >pw-bot: cr\n"]) assert.deepEqual(scan(`I agree.\n\n${q}`), [], q);
  assert.deepEqual(scan("what does pw-bot: cr do?\n"), []);
});

test("maintainer replies: the usual wordings, with tree and branch where given", () => {
  const cases: [string, string | null, string | null][] = [
    ["Applied, thanks!", null, null], ["Applied.", null, null], ["Applied", null, null], ["Thanks, applied.", null, null],
    ["Applied to net-next, thanks", "net-next", null], ["Applied to for-next", "for-next", null],
    ["Applied to the bpf tree. Thanks.", "bpf", null], ["applied to zoo/next for v6.13, thank you!", "zoo/next", null],
    ["Queued, thanks.", null, null], ["Queued for v6.12 in the PCI tree.", "PCI", null], ["Applied to zoo.git (fixes), thanks", "zoo.git", "fixes"],
    ["Applied to my tree, thanks", null, null], ["Applied on zoo-next.", "zoo-next", null],
    // looser wording, accepted only when thanked
    ["Applied with a whitespace fix, thanks!", null, null], ["Applied zoo-next, thanks", "zoo-next", null],
  ];
  for (const [line, tree, branch] of cases) {
    const v = only(`On Mon, 1 Jul 2024 Someone wrote:\n> the patch\n\n${line}\n\nBest,\nMae\n`);
    assert.deepEqual([v.kind, v.rule, v.tree, v.branch, v.email, v.raw], ["applied", "maintainer-applied", tree, branch, MAINT.email, line], line);
  }
});

test("maintainer replies: prose, questions, negations, quotes and signatures give no verdict", () => {
  const none = [
    "Applied on top of net-next it builds fine.",
    "I applied it locally and tested, works.",
    "Applied?",
    "Not applied: it conflicts.",
    "applied to the wrong subnode, resulting in a crash.",
    "Applied to previous versions.",
    "Applied with some fixes, but please resend.",
    "Applied with this patch the warning goes away.",
    "Applied zoo-next.",
    "> Applied, thanks!",
    "Thanks for the review.\n\n-- \nApplied, thanks!",
    "Looks good.\n-----Original Message-----\nApplied, thanks!",
    // a wrapped sentence: "queued ..." continues the line above, it does not start a paragraph
    "The earlier part has been\nqueued in zoo-next.",
  ];
  for (const body of none) assert.deepEqual(scan(body + "\n"), [], body);
  // a posting that is not a reply answers nothing
  assert.deepEqual(scan("Applied, thanks!\n", MAINT, false), []);
});

test("b4 thanks: the summary gives the items, commit ids or URLs, and the tree from the URL", () => {
  const v = only([
    "On Mon, 01 Jul 2024 12:00:00 +0000, Dev One wrote:", "> a cover letter", "> [...]", "",
    "Applied, thanks!", "",
    "[1/3] zoo: add a thing", "      https://git.kernel.org/zoo/zoo/c/0123456789abcd",
    "[2/3] zoo: use the thing", "      https://git.kernel.org/zoo/zoo/c/abcdef012345",
    "", "Best regards,", "-- ", "Mae Tainer <mae@example.org>", "",
  ].join("\n"));
  assert.deepEqual([v.rule, v.tree, v.scope, v.items], ["b4-thanks", "zoo/zoo.git", "series", [
    { subject: "[1/3] zoo: add a thing", commit: "https://git.kernel.org/zoo/zoo/c/0123456789abcd" },
    { subject: "[2/3] zoo: use the thing", commit: "https://git.kernel.org/zoo/zoo/c/abcdef012345" },
  ]]);
  const one = only("Applied to zoo-fixes, thanks!\n\n[1/1] zoo: fix it\n      commit: 0123456789abcdef0123456789abcdef01234567\n");
  assert.deepEqual([one.tree, one.scope, one.items[0].commit], ["zoo-fixes", "patch", "0123456789abcdef0123456789abcdef01234567"]);
});

test("hostile lines: megabyte lines and separator runs parse fast and find only real verdicts", () => {
  const MiB = 1 << 20;
  const hostile = [
    "Applied" + " ,".repeat(MiB / 2) + "x",
    "Applied to " + "a ".repeat(MiB / 2),
    "pw-bot: " + "c".repeat(MiB),
    // short enough to meet the rules: separator runs a nested-quantifier regex would explore exponentially
    "Applied" + ", thanks".repeat(8) + " ,".repeat(60) + "x",
    "Applied" + " ,".repeat(90) + "x",
    "Applied to " + "a.".repeat(90) + " (",
    "\n".repeat(MiB),
    "Applied, thanks!\n" + "[1/1] x\n      commit: 1\n".repeat(100_000),
    "[1/1] " + "[".repeat(MiB),
    ">".repeat(MiB),
    "This series was applied to " + "(".repeat(MiB),
  ];
  const started = Date.now();
  for (const h of hostile) {
    scan(`${h}\n\nApplied, thanks!\n`);
    scan(`Hello:\n\n${h}\nby ${"<".repeat(MiB)}:\n`, BOT);
  }
  // hang guard only: a quadratic or exponential rule takes minutes here
  assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  // a megabyte line is prose, not a verdict; a long unknown state is kept, capped
  assert.equal(scan("pw-bot: " + "c".repeat(MiB) + "\n").length, 0);
  assert.ok(only("pw-bot: " + "c".repeat(150) + "\n").state!.length <= 65);
});

test("parseMessage: verdicts reach the parsed record on the fast and the MIME path; patches carry none", () => {
  const head = (extra: string) => [
    "From: Mae Tainer <mae@example.org>", "Subject: Re: [PATCH net-next 1/2] zoo: thing", "Date: Mon, 1 Jul 2024 12:00:00 +0000",
    "Message-ID: <r1@example.org>", "In-Reply-To: <p1@example.org>", extra, "",
  ].filter((l) => l !== null).join("\n");
  const plain = parseMessage(Buffer.from(head("Content-Type: text/plain") + "\nApplied, thanks!\n\npw-bot: cr\n"), { trackedLists: [] });
  assert.deepEqual(plain.verdicts!.map((v) => v.rule), ["maintainer-applied", "pw-bot"]);
  // the fast path only reads bodies whose trailer scan saw a candidate line: every wording gets through
  for (const line of ["Thanks, applied.", "Thank you, queued.", "OK, applied to zoo-next", "  Queued, thanks", "applied", "pw-bot: defer"]) {
    const p = parseMessage(Buffer.from(head("Content-Type: text/plain") + `\nLooks fine.\n\n${line}\n`), { trackedLists: [] });
    assert.equal(p.verdicts!.length, 1, line);
  }
  const qp = parseMessage(Buffer.from(head("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable") +
    "\nApplied to zoo=2Dnext, thanks!\n"), { trackedLists: [] });
  assert.deepEqual(qp.verdicts!.map((v) => v.tree), ["zoo-next"]);
  const patch = parseMessage(Buffer.from(head("Content-Type: text/plain").replace("Re: [PATCH", "[PATCH") + "\nApplied, thanks!\n"), { trackedLists: [] });
  assert.deepEqual(patch.verdicts, []);
});

test("a message with more verdict lines than kept is flagged, its first verdicts stored", () => {
  const body = Array.from({ length: 500 }, () => "pw-bot: cr").join("\n");
  const p = parseMessage(Buffer.from(["From: Mae Tainer <mae@example.org>", "Subject: Re: x", "Date: Mon, 1 Jul 2024 12:00:00 +0000",
    "Message-ID: <many@example.org>", "In-Reply-To: <p@example.org>", "", body, ""].join("\n")), { trackedLists: [] });
  assert.equal(p.verdicts!.length, 20);
  assert.ok(p.flags.includes("truncated-verdicts"));
});

test("CRLF line endings: every rule still fires, items keep no carriage return", () => {
  const crlf = (lines: string[]) => Buffer.from(lines.join("\r\n") + "\r\n");
  const head = (from: string) => [`From: ${from}`, "Subject: Re: [PATCH] zoo: x", "Date: Mon, 1 Jul 2024 12:00:00 +0000",
    "Message-ID: <c@example.org>", "In-Reply-To: <p@example.org>", ""];
  const m = parseMessage(crlf([...head("Mae <mae@example.org>"), "Applied to zoo-next, thanks!", "", "[1/1] zoo: x", "      commit: abc1234", "", "pw-bot: cr"]), { trackedLists: [] });
  assert.deepEqual(m.verdicts!.map((v) => [v.rule, v.tree, v.items]), [
    ["b4-thanks", "zoo-next", [{ subject: "[1/1] zoo: x", commit: "abc1234" }]], ["pw-bot", null, []]]);
  const b = parseMessage(crlf([...head("patchwork-bot+zoo@kernel.org"), "This patch was applied to zoo/zoo.git (main)", "by Ann <ann@example.org>:", "",
    "Here is the summary with links:", "  - [v2] zoo: x", "    https://git.kernel.org/zoo/zoo/c/abcdef123456", ""]), { trackedLists: [] });
  assert.deepEqual(b.verdicts!.map((v) => [v.branch, v.email, v.items]), [["main", "ann@example.org", [{ subject: "[v2] zoo: x", commit: "https://git.kernel.org/zoo/zoo/c/abcdef123456" }]]]);
});

test("forwarded text (Thunderbird, Gmail, mutt, Apple Mail markers) is someone else's: no verdict from it", () => {
  const markers = ["-------- Forwarded Message --------", "---------- Forwarded message ---------",
    "----- Forwarded message from Ann Plier <ann@example.org> -----", "Begin forwarded message:"];
  for (const marker of markers) {
    for (const line of ["pw-bot: cr", "pw-bot: reject", "Applied, thanks!", "Applied to zoo-next, thanks"]) {
      const body = `FYI, see below.\n\n${marker}\n\nFrom: Ann Plier <ann@example.org>\nSubject: Re: [PATCH] zoo: x\n\n${line}\n`;
      assert.deepEqual(scan(body), [], `${marker} / ${line}`);
    }
  }
  // the sender's own verdict above the forward still counts
  assert.equal(only("pw-bot: cr\n\n-------- Forwarded Message --------\n\nApplied, thanks!\n").kind, "changes-requested");
});
