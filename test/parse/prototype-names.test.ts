// Untrusted strings that are JS prototype names, wherever the parser meets them: charsets (body
// and RFC 2047), header names, addresses, list ids and list names. Nothing may crash or vanish.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseMessage } from "../../loaders/parse/index.ts";

const NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "isPrototypeOf"];

test("prototype names as charsets: the body and the subject still decode (Latin-1 at worst)", () => {
  for (const cs of NAMES) {
    const raw = [
      "From: a@b.c", "Message-ID: <x@y>", `Subject: =?${cs}?q?hi?=`, "Date: Mon, 1 Jul 2024 10:00:00 +0000",
      `Content-Type: text/plain; charset=${cs}`, "Content-Transfer-Encoding: quoted-printable", "", "Reviewed-by: A <a@b.c>", "",
    ].join("\n");
    const m = parseMessage(Buffer.from(raw), { trackedLists: [] });
    assert.equal(m.subject, "hi", cs);
    assert.deepEqual(m.trailers.map((t) => t.email), ["a@b.c"], cs);
  }
});

test("prototype names as header names, addresses, list ids and list names", () => {
  for (const n of NAMES) {
    const raw = [
      `${n}: x`, `From: ${n}`, `To: ${n}, list@example.org`, `Cc: "${n}" <${n}@example.org>`, `List-Id: <${n}>`,
      "Subject: s", "Date: Mon, 1 Jul 2024 10:00:00 +0000", `Message-ID: <${n}>`, `In-Reply-To: <${n}@p>`, "", `Reviewed-by: ${n} <${n}@x.org>`, "",
    ].join("\n");
    const m = parseMessage(Buffer.from(raw), { trackedLists: [{ name: n, address: "list@example.org" }], archiveList: "__proto__" });
    assert.equal(m.messageId, n);
    assert.equal(m.inReplyTo, `${n}@p`);
    assert.equal(m.from.email, n.toLowerCase());
    assert.deepEqual(m.to.map((a) => a.email), [n.toLowerCase(), "list@example.org"]);
    assert.deepEqual(m.cc, [{ name: n, email: `${n}@example.org`.toLowerCase() }]);
    assert.equal(m.listId, n.toLowerCase());
    assert.deepEqual(m.lists, [...new Set([n, "__proto__"])].sort());
    assert.deepEqual(m.trailers.map((t) => [t.kind, t.name, t.email]), [["reviewed-by", n, `${n}@x.org`.toLowerCase()]]);
  }
});
