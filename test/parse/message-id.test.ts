// Message-ID fidelity: an id is the exact text between its outermost angle brackets, read the
// same way in Message-ID, In-Reply-To and References, so threading links replies to odd ids.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseMessage } from "../../loaders/parse/index.ts";
import { extractId, extractIds } from "../../loaders/parse/message-id.ts";
import { threadMessages } from "../../loaders/thread/jwz.ts";
import { NO_PATCH, type AnalysisMessage } from "../../loaders/model/corpus.ts";
import type { ParsedMessage } from "../../loaders/model/records.ts";

const ctx = { trackedLists: [] };

function mail(id: string, extra: string[] = [], day = 1): ParsedMessage {
  const head = [`From: P${day} <p${day}@example.org>`, "To: l@example.org", "Subject: s", `Date: ${day} Jul 2024 10:00:00 +0000`, `Message-ID: ${id}`, ...extra];
  return parseMessage(Buffer.from(head.join("\n") + "\n\nbody\n"), ctx);
}

function asAnalysis(p: ParsedMessage): AnalysisMessage {
  return { id: p.messageId, date: p.date, from: p.from.email, subject: p.subject, inReplyTo: p.inReplyTo, references: p.references, lists: [], patch: NO_PATCH, isBot: false, nakLine: false };
}

/** Parent message id of each message after threading, by id. */
function parents(ms: ParsedMessage[]): Record<string, string | null> {
  const th = threadMessages(ms.map(asAnalysis));
  return Object.fromEntries(ms.map((m, i) => [m.messageId, th.parent[i] >= 0 ? ms[th.parent[i]].messageId : null]));
}

test("message id: the whole text between the outermost brackets, not the innermost <...>", () => {
  const root = mail("<<script>alert(1)</script>>");
  assert.equal(root.messageId, "<script>alert(1)</script>");
  assert.ok(!root.flags.includes("synthetic-id"));
  const reply = mail("<r@x>", ["In-Reply-To: <<script>alert(1)</script>>", "References: <<script>alert(1)</script>>"], 2);
  assert.equal(reply.inReplyTo, "<script>alert(1)</script>");
  assert.deepEqual(reply.references, ["<script>alert(1)</script>"]);
  assert.deepEqual(parents([root, reply]), { "<script>alert(1)</script>": null, "r@x": "<script>alert(1)</script>" });
});

test("message id: unbalanced brackets run to the final '>', the same in every field", () => {
  for (const [raw, id] of [["<<script>x", "<script"], ["<<b>x>>", "<b>x>"], ["<a@b>>", "a@b>"], ["<<a>", "<a"], ["<a<b@c>", "a<b@c"], ["<x> junk >", "x> junk"]]) {
    assert.equal(extractId(raw), id, raw);
    assert.deepEqual(extractIds(raw), [id], raw);
    const root = mail(raw);
    const reply = mail("<r@x>", [`In-Reply-To: ${raw}`, `References: <z@x> ${raw}`], 2);
    assert.equal(root.messageId, id, raw);
    assert.equal(reply.inReplyTo, id, raw);
    assert.deepEqual(reply.references, ["z@x", id], raw);
    assert.equal(parents([root, reply])["r@x"], id, raw);
  }
  assert.equal(extractId("<never closed"), null);
  assert.ok(mail("<never closed").flags.includes("synthetic-id"));
});

test("message id: '.' and '..' are ids like any other", () => {
  const dot = mail("<.>"), dotdot = mail("<..>", ["In-Reply-To: <.>"], 2), child = mail("<c@x>", ["References: <.> <..>"], 3);
  assert.equal(dot.messageId, ".");
  assert.equal(dotdot.messageId, "..");
  assert.deepEqual(child.references, [".", ".."]);
  assert.deepEqual(parents([dot, dotdot, child]), { ".": null, "..": ".", "c@x": ".." });
});

test("message id: blanks inside brackets are kept (ends trimmed), and such ids still thread", () => {
  const root = mail("<a b@c>");
  assert.equal(root.messageId, "a b@c");
  assert.equal(mail("<  a@b  >").messageId, "a@b");
  const reply = mail("<r@x>", ["In-Reply-To: <a b@c>", "References: <a\n b@c>"], 2); // folded inside the id
  assert.deepEqual(reply.references, ["a b@c"]);
  assert.equal(parents([root, reply])["r@x"], "a b@c");
});

test("message id: several ids in In-Reply-To take the first; comments and phrases around ids are ignored", () => {
  assert.equal(mail("<m@x>", ["In-Reply-To: <a@b> <c@d>"]).inReplyTo, "a@b");
  assert.equal(mail("<m@x>", ['In-Reply-To: <a@b> (Joe\'s message of "Mon, 1 Jul 2024 <x@y>")']).inReplyTo, "a@b");
  assert.equal(mail("<m@x>", ["In-Reply-To: Message from Joe <a@b> of Mon"]).inReplyTo, "a@b");
  assert.deepEqual(mail("<m@x>", ["References: <a@b>, <c@d>\n\t<e@f>"]).references, ["a@b", "c@d", "e@f"]);
});

test("message id: bare ids (no brackets anywhere) are local@domain tokens in every field", () => {
  const root = mail("a@b");
  assert.equal(root.messageId, "a@b");
  const reply = mail("r@x", ["In-Reply-To: a@b", "References: z@y a@b"], 2);
  assert.equal(reply.inReplyTo, "a@b");
  assert.deepEqual(reply.references, ["z@y", "a@b"]);
  assert.equal(parents([root, reply])["r@x"], "a@b");
  assert.ok(mail("not an id at all").flags.includes("synthetic-id"));
});

test("message id: control characters or over 998 characters make an id unusable everywhere", () => {
  assert.ok(mail(`<${"a".repeat(999)}@x>`).flags.includes("synthetic-id"));
  assert.equal(mail(`<${"a".repeat(990)}@x>`).messageId.length, 992);
  assert.ok(mail("<a\u0001b@x>").flags.includes("synthetic-id"));
  assert.deepEqual(mail("<m@x>", ["References: <a\u0001b@x> <ok@x>"]).references, ["ok@x"]);
  assert.equal(mail("<m@x>", ["In-Reply-To: <a\u0001b@x>"]).inReplyTo, null);
});
