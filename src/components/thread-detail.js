// A thread shard's compact detail (loaders/analysis/thread-detail-writer.ts, docs/analysis.md
// "Thread shards") turned back into the ThreadDetail object the thread page reads
// (loaders/analysis/artifacts.ts): messages as objects with their parent's Message-ID, sender id,
// date, latency, lists and subject. Pure: test/analysis/thread-detail-json.test.ts checks that it
// gives the analysis' reference object for every thread.

/** The subject a reply to a message with subject `s` is written without (as the writer's replySubject). */
const replySubject = (s) => (s.startsWith("Re: ") ? s : `Re: ${s}`);

/** A participant's PersonRef: the participant without its counts. */
const personRef = ({ messages: _m, first: _f, ...ref }) => ref;

/** A message shard's value: the thread id, 0 when it is the message's own id (a root). */
export const messageThread = (messageId, v) => (v === 0 ? messageId : v ?? null);

/**
 * The ThreadDetail of compact detail `c`; `series`: its series part when `c.series` names a
 * group in the series shards (thread/s-XX.json), else the part `c` holds itself (or none).
 */
export function threadDetail(c, series) {
  const t0 = c.t0 ?? 0, rows = c.msgs, parts = c.participants;
  const messages = new Array(rows.length);
  for (let j = 0; j < rows.length; j++) {
    const [id, parent, from, delta, depth, li, subject = null, patch = null, author = null] = rows[j];
    const date = delta === null ? null : t0 + delta;
    let parentId = null, latency = null, expected = c.thread.subject;
    if (Array.isArray(parent)) [parentId, latency] = parent;
    else if (parent >= 0) {
      parentId = rows[parent][0];
      const pd = rows[parent][3] === null ? null : t0 + rows[parent][3];
      latency = date !== null && pd !== null ? date - pd : null;
      if (parent < j) expected = replySubject(messages[parent].subject);
    }
    messages[j] = { id, parent: parentId, from: typeof from === "number" ? parts[from].id : from, date, ...(author ? { author } : {}),
      latency_ms: latency, lists: c.lists[li], subject: subject ?? expected, depth, patch };
  }
  // Trailers and NAKs name participants and messages by index (else they hold the PersonRef / Message-ID).
  const who = (p) => (typeof p === "number" ? personRef(parts[p]) : p);
  const msg = (m) => (typeof m === "number" ? rows[m][0] : m);
  const trailers = c.trailers.map(([kind, from, to, m, applies]) => ({ kind, from: who(from), to: who(to), message_id: msg(m), applies_to: msg(applies) }));
  const naks = c.naks.map(([from, to, m, source, cross]) => ({ from: who(from), to: who(to), message_id: msg(m), source, cross_subsystem: cross }));
  const d = { thread: c.thread, messages, participants: parts, trailers, naks };
  const s = typeof c.series === "string" ? series : c.series;
  if (s != null) d.series = s;
  if (c.full_counts) d.full_counts = c.full_counts;
  return d;
}
