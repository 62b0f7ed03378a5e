// Patch authorship from the in-body From: line (git format-patch / send-email of someone else's
// commit). Synthetic messages only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseMessage, type ParseContext } from "../../loaders/parse/index.ts";
import { bodyFromLine, forwardedAuthor, inBodyFrom } from "../../loaders/parse/in-body.ts";
import { DEFAULT_LISTS } from "../../loaders/config.ts";

const ctx: ParseContext = { trackedLists: DEFAULT_LISTS };
const SENDER = "Mae Intainer <mae@maint.example>";

function mail(subject: string, body: string, extra = "", from = SENDER): Buffer {
  return Buffer.from(
    `From: ${from}\nTo: netdev@vger.kernel.org\nSubject: ${subject}\nDate: Mon, 1 Jul 2024 10:00:00 +0000\n` +
    `Message-ID: <${Math.random().toString(36).slice(2)}@maint.example>\n${extra}\n${body}`,
  );
}

const BODY = "From: Jörg Äuthor <Joerg.Author@Example.ORG>\nDate: Fri, 28 Jun 2024 09:00:00 +0200\nSubject: [PATCH] net: fix frob\n\n" +
  "Fix the frob.\n\nSigned-off-by: Jörg Äuthor <joerg.author@example.org>\nSigned-off-by: Mae Intainer <mae@maint.example>\n---\n net/x.c | 1 +\n";

test("in-body From: of a forwarded patch becomes its author (email normalised), sender unchanged", () => {
  const m = parseMessage(mail("[PATCH net-next 03/12] net: fix frob", BODY, "Content-Type: text/plain; charset=utf-8\n"), ctx);
  assert.deepEqual(m.from, { name: "Mae Intainer", email: "mae@maint.example" });
  assert.deepEqual(m.author, { name: "Jörg Äuthor", email: "joerg.author@example.org" });
  assert.equal(m.trailers.filter((t) => t.kind === "signed-off-by").length, 2, "trailers still scanned");
});

test("leading blank lines, folded and RFC 2047 encoded in-body From: lines are read", () => {
  const enc = parseMessage(mail("[PATCH 1/2] x", "\n\nFrom: =?UTF-8?q?J=C3=B6rg=20=C3=84uthor?=\n <joerg.author@example.org>\n\nbody\n"), ctx);
  assert.deepEqual(enc.author, { name: "Jörg Äuthor", email: "joerg.author@example.org" });
  assert.equal(bodyFromLine("\r\n\r\nFrom: A\r\n <a@x.org>\r\n\r\nx"), "A <a@x.org>");
});

test("no author: sender's own patch, cover letter, reply, non-patch, From: not first, malformed lines", () => {
  const none = (subject: string, body: string) => parseMessage(mail(subject, body), ctx).author;
  assert.equal(none("[PATCH] x", "From: Other Name <MAE@maint.example>\n\nbody\n"), undefined, "same address, other name");
  assert.equal(none("[PATCH 0/3] cover", BODY), undefined);
  assert.equal(none("Re: [PATCH] net: fix frob", BODY), undefined);
  assert.equal(none("net: not a patch", BODY), undefined);
  assert.equal(none("[PATCH] x", "Hi all,\nFrom: A <a@x.org>\n"), undefined, "From: must be the first line");
  for (const bad of ["From: nobody", "From: <>", "From: a@x.org, b@x.org", "From: Name <not an email>",
    "From: <@>", "From:", "From: " + "x".repeat(3000) + "@x.org", "From: =?UTF-8?B?####?= <a@>"]) {
    assert.equal(none("[PATCH] x", bad + "\n\nbody\n"), undefined, bad);
  }
  assert.deepEqual(inBodyFrom("From: A <a@x.org>\n"), { name: "A", email: "a@x.org" });
});

test("quoted-printable, base64, Latin-1 and multipart bodies give the same author as the plain one", () => {
  const subject = "[PATCH net 2/5] net: fix frob";
  const plain = parseMessage(mail(subject, BODY, "Content-Type: text/plain; charset=utf-8\n"), ctx).author;
  assert.ok(plain);
  const qpBody = Buffer.from(BODY).toString("latin1").replace(/[\x80-\xff=]/g, (c) => "=" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
  const qp = parseMessage(mail(subject, qpBody, "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n"), ctx);
  assert.ok(qp.flags.includes("mime-slow-path"));
  assert.deepEqual(qp.author, plain);
  const b64Body = Buffer.from(BODY).toString("base64").replace(/.{76}/g, "$&\n") + "\n";
  const b64 = parseMessage(mail(subject, b64Body, "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n"), ctx);
  assert.deepEqual(b64.author, plain);
  const latin1 = Buffer.concat([mail(subject, "", "Content-Type: text/plain; charset=iso-8859-1\n"), Buffer.from(BODY, "latin1")]);
  assert.deepEqual(parseMessage(latin1, ctx).author, plain);
  const multipart = `--b\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${b64Body}--b\nContent-Type: text/x-patch\n\nFrom: Z <z@z.org>\n--b--\n`;
  assert.deepEqual(parseMessage(mail(subject, multipart, 'Content-Type: multipart/mixed; boundary="b"\n'), ctx).author, plain);
});

test("relay senders: body From: recovers the sender (no author); X-Original-From sender + body From: author", () => {
  const relay = "Ann Author via B4 Relay <devnull+ann.author.example.org@kernel.org>";
  const own = parseMessage(mail("[PATCH] x", "From: Ann Author <ann@author.example>\n\nbody\n", "", relay), ctx);
  assert.deepEqual(own.from, { name: "Ann Author", email: "ann@author.example" });
  assert.ok(own.flags.includes("relay-rewritten"));
  assert.equal(own.author, undefined);
  const fwd = parseMessage(mail("[PATCH] x", "From: Ann Author <ann@author.example>\n\nbody\n", "X-Original-From: Mae Intainer <mae@maint.example>\n", relay), ctx);
  assert.equal(fwd.from.email, "mae@maint.example");
  assert.deepEqual(fwd.author, { name: "Ann Author", email: "ann@author.example" });
});

test("forwardedAuthor only looks at patches", () => {
  const patch = { isPatch: true, isRfc: false, version: 1, index: 1, total: 2, isCover: false, tags: [] };
  const sender = { name: "S", email: "s@x.org" };
  assert.deepEqual(forwardedAuthor(patch, false, sender, "From: A <a@x.org>\n"), { name: "A", email: "a@x.org" });
  assert.equal(forwardedAuthor({ ...patch, isPatch: false }, false, sender, "From: A <a@x.org>\n"), null);
  assert.equal(forwardedAuthor(patch, true, sender, "From: A <a@x.org>\n"), null);
});
