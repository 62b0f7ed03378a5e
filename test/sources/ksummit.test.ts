// The real ksummit epoch: every message arrives (3,115 per ../shared/README.md), deletions are
// reported, and the "Device Passthrough Considered Harmful?" thread is present and parses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { openSource } from "../../loaders/sources/index.ts";
import { parseStream } from "../../loaders/parse/index.ts";
import { DEFAULT_LISTS } from "../../loaders/config.ts";

const INBOX = "../shared/archives/ksummit.lists.linux.dev";
const skip = !existsSync(INBOX) && `SKIP: ${INBOX} absent`;

test("ksummit epoch: all messages, deletions reported, Passthrough thread intact", { skip }, async () => {
  let messages = 0;
  let deletes = 0;
  let errors = 0;
  const ids = new Set<string>();
  const thread: { id: string; inReplyTo: string | null; lists: string[] }[] = [];
  const tracked = [...DEFAULT_LISTS, { name: "ksummit", address: "ksummit@lists.linux.dev" }];
  for await (const r of parseStream(openSource(`ksummit=${INBOX}`).read(), { trackedLists: tracked })) {
    if (r.item.kind === "delete") deletes++;
    else if (r.error) errors++;
    else messages++;
    if (!r.parsed || r.item.kind !== "message") continue;
    ids.add(r.parsed.messageId);
    if (/Device Passthrough Considered Harmful\?/.test(r.parsed.subject)) {
      thread.push({ id: r.parsed.messageId, inReplyTo: r.parsed.inReplyTo, lists: r.parsed.lists });
    }
  }
  console.log(`ksummit: ${messages} messages, ${deletes} deletions, ${errors} errors, ${ids.size} unique ids, passthrough thread ${thread.length} messages`);
  assert.equal(messages + deletes, 3115);
  assert.equal(errors, 0);
  assert.ok(thread.length >= 100, `thread has ${thread.length} messages`);
  const roots = thread.filter((m) => !m.inReplyTo);
  assert.ok(roots.length >= 1, "the thread has its root");
  // every reply's parent is in the archive (the thread is intact)
  const missing = thread.filter((m) => m.inReplyTo && !ids.has(m.inReplyTo));
  assert.ok(missing.length <= 2, `replies with a missing parent: ${missing.length}`);
  // cross-posted to the three tracked lists
  for (const l of ["linux-cxl", "linux-rdma", "netdev", "ksummit"]) assert.ok(roots[0].lists.includes(l), l);
});
