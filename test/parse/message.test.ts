import { test } from "node:test";
import assert from "node:assert/strict";
import { parseMessage, ParseError, type ParseContext } from "../../loaders/parse/index.ts";
import { DEFAULT_LISTS } from "../../loaders/config.ts";
import { fixture } from "../fixtures/mail.ts";

const ctx: ParseContext = { trackedLists: DEFAULT_LISTS };

test("parseMessage: patch with folded headers, quoted comma names, RFC 2047 and trailers", () => {
  const m = parseMessage(fixture("patch-v3.eml"), ctx);
  assert.equal(m.messageId, "20240716082030.1234-3-ying@example.com");
  assert.equal(m.date, Date.UTC(2024, 6, 16, 8, 20, 30));
  assert.deepEqual(m.from, { name: "Huang, Ying", email: "ying.huang@example.com" });
  assert.deepEqual(m.to.map((a) => a.email), ["alice@example.org", "netdev@vger.kernel.org"]);
  assert.deepEqual(m.cc, [
    { name: "Doe, John (Eng)", email: "john@example.net" },
    { name: "", email: "linux-cxl@vger.kernel.org" },
    { name: "Jürgen Müller", email: "jm@example.de" },
  ]);
  assert.equal(m.subject, "[PATCH v3 net-next 2/7] net: frob the widget");
  assert.equal(m.inReplyTo, "20240716082030.1234-1-ying@example.com");
  assert.deepEqual(m.references, ["20240716082030.1234-1-ying@example.com"]);
  assert.equal(m.listId, "netdev.vger.kernel.org");
  assert.deepEqual(m.lists, ["linux-cxl", "netdev"]);
  assert.deepEqual(m.patch, { isPatch: true, isRfc: false, version: 3, index: 2, total: 7, isCover: false, tags: ["net-next"] });
  assert.equal(m.isReply, true);
  assert.deepEqual(m.trailers.map((t) => [t.kind, t.email]), [
    ["reviewed-by", "alice@example.org"],
    ["signed-off-by", "ying.huang@example.com"],
    ["acked-by", "jm@example.de"],
  ]);
  assert.equal(m.trailers[1].name, "Huang, Ying");
  assert.equal(m.nakLine, false);
  assert.equal(m.isBot, false);
  assert.deepEqual(m.flags, ["8bit-header"].filter(() => false)); // headers here are 7-bit
  assert.match(m.contentHash, /^[0-9a-f]{40}$/);
});

test("parseMessage: quoted trailers and NAKs are ignored, free-text NAK outside quotes is seen", () => {
  const m = parseMessage(fixture("reply-nak.eml"), { ...ctx, archiveList: "linux-rdma" });
  assert.deepEqual(m.trailers.map((t) => [t.kind, t.email]), [["nacked-by", "bob@example.org"]]);
  assert.equal(m.nakLine, true);
  assert.deepEqual(m.references, ["root@example.com", "cover-0@example.com"]);
  assert.equal(m.patch.isRfc, true);
  assert.equal(m.patch.isCover, true);
  assert.equal(m.patch.total, 5);
  assert.deepEqual(m.lists, ["linux-rdma"]);
  assert.equal(m.date, Date.UTC(2024, 6, 17, 8, 2, 3));
});

test("parseMessage: archive list is added even when not addressed; untracked lists are not", () => {
  const m = parseMessage(fixture("dmarc-via-list.eml"), { ...ctx, archiveList: "example" });
  assert.deepEqual(m.lists, ["example"]);
});

test("parseMessage: B4 Relay sender is recovered from the body From: line (Reply-To first)", () => {
  const m = parseMessage(fixture("b4-relay.eml"), ctx);
  assert.deepEqual(m.from, { name: "Carol Dev", email: "carol@example.com" });
  assert.ok(m.flags.includes("relay-rewritten"));
  assert.deepEqual(m.patch.tags, ["bpf-next"]);
  assert.equal(m.patch.version, 2);
});

test("parseMessage: DMARC 'via list' sender is recovered from X-Original-From", () => {
  const m = parseMessage(fixture("dmarc-via-list.eml"), ctx);
  assert.deepEqual(m.from, { name: "Dave Person", email: "dave@corp.example" });
  assert.ok(m.flags.includes("relay-rewritten"));
  assert.equal(m.isReply, true);
});

test("parseMessage: multipart + quoted-printable + Latin-1 goes through the MIME slow path", () => {
  const m = parseMessage(fixture("qp-multipart.eml"), ctx);
  assert.ok(m.flags.includes("mime-slow-path"));
  assert.equal(m.from.name, "Frédéric");
  assert.equal(m.subject, "[PATCH] cxl: fix été");
  // the Tested-by is in the QP text part; the base64 attachment's "Reviewed-by" is not text
  assert.deepEqual(m.trailers.map((t) => [t.kind, t.name, t.email]), [["tested-by", "Frédéric", "fred@example.fr"]]);
});

test("parseMessage: the kernel test robot is a bot", () => {
  const m = parseMessage(fixture("bot-lkp.eml"), ctx);
  assert.equal(m.isBot, true);
  assert.equal(m.trailers[0].kind, "reported-by");
});

test("parseMessage: unusable input throws ParseError with a reason", () => {
  assert.throws(() => parseMessage(Buffer.alloc(0), ctx), (e: unknown) => e instanceof ParseError && /empty/.test(e.reason));
  assert.throws(() => parseMessage(Buffer.from("just some text\nwithout headers\n"), ctx), ParseError);
  assert.throws(() => parseMessage(Buffer.from("X-Foo: bar\n\nbody\n"), ctx), /no From, Message-ID, Date or Subject/);
});

test("parseMessage: missing Message-ID gets a stable synthetic id; equal content gives equal ids", () => {
  const raw = "From: a@example.com\nSubject: hi\nDate: Mon, 1 Jul 2024 00:00:00 +0000\n\nbody\n";
  const a = parseMessage(Buffer.from(raw), ctx);
  const b = parseMessage(Buffer.from(raw.replace(/\n/g, "\r\n")), ctx);
  const c = parseMessage(Buffer.from(raw.replace("body", "other body")), ctx);
  assert.ok(a.flags.includes("synthetic-id"));
  assert.match(a.messageId, /@threadgraph\.invalid$/);
  assert.equal(a.messageId, b.messageId, "CRLF copy must hash the same");
  assert.notEqual(a.messageId, c.messageId);
  const garbage = parseMessage(Buffer.from("Message-ID: not an id at all\n" + raw), ctx);
  assert.ok(garbage.flags.includes("synthetic-id"));
});

test("parseMessage: cross-archive copies (different transport headers) share the content hash", () => {
  const base = fixture("patch-v3.eml").toString("utf8");
  const a = parseMessage(Buffer.from("Received: from a by b; Tue, 16 Jul 2024 08:20:31 +0000\n" + base), ctx);
  const b = parseMessage(Buffer.from("Delivered-To: x@y\nX-Mailing-List: other\n" + base.replace("List-Id: <netdev.vger.kernel.org>\n", "List-Id: <linux-cxl.vger.kernel.org>\n")), ctx);
  assert.equal(a.contentHash, b.contentHash);
  const c = parseMessage(Buffer.from(base.replace("frobbing", "bending")), ctx);
  assert.notEqual(a.contentHash, c.contentHash);
});

test("parseMessage: broken Date falls back to the newest Received, then to the context date", () => {
  const body = "From: a@example.com\nMessage-ID: <d@x>\nSubject: s\n";
  const recv =
    "Received: from x by y; Tue, 2 Jul 2024 10:00:00 +0000\nReceived: from z by x;\n\tTue, 2 Jul 2024 11:00:00 +0000\n";
  const m1 = parseMessage(Buffer.from(recv + body + "Date: yesterday-ish\n\nb\n"), ctx);
  assert.equal(m1.date, Date.UTC(2024, 6, 2, 11));
  assert.ok(m1.flags.includes("date-fallback"));
  const m2 = parseMessage(Buffer.from(body + "\nb\n"), { ...ctx, fallbackDate: 1_720_000_000_000 });
  assert.equal(m2.date, 1_720_000_000_000);
  assert.ok(m2.flags.includes("date-fallback"));
  const m3 = parseMessage(Buffer.from(body + "\nb\n"), ctx);
  assert.equal(m3.date, null);
  assert.ok(m3.flags.includes("date-missing"));
});

test("parseMessage: a long body hashes equal in CRLF and LF copies, and differently when its end changes", () => {
  const head = "From: a@example.com\nMessage-ID: <long@x>\nSubject: s\nDate: Mon, 1 Jul 2024 00:00:00 +0000\n\n";
  const body = Array.from({ length: 3000 }, (_, i) => `line ${i} of a long body`).join("\n") + "\n";
  const lf = parseMessage(Buffer.from(head + body), ctx);
  const crlf = parseMessage(Buffer.from((head + body).replace(/\n/g, "\r\n")), ctx);
  const changed = parseMessage(Buffer.from(head + body.replace("line 2999", "LINE 2999")), ctx);
  assert.equal(lf.contentHash, crlf.contentHash);
  assert.notEqual(lf.contentHash, changed.contentHash);
});
