// The site search itself, pure (no file loading, so tests run it on the analysis output): decode the
// index (loaders/analysis/shards.ts searchFiles) and match queries. Every word must match
// (case-insensitive substring) a thread's subject, starter, lists or start date (YYYY-MM-DD), or a
// person's name or addresses; `list:NAME`, `from:WORD`, `after:DATE` and `before:DATE` narrow further.

/** The index files (loaders/analysis/shards.ts searchFiles) as searchable rows; a thread's id is filled in by withIds. */
export function decodeIndex(chunks, people) {
  const ppl = people.rows.map(([id, name, emails, messages, bot, active]) =>
    ({ id, name, emails, messages, bot: !!bot, active: !!active, hay: `${name}\n${id}\n${emails}`.toLowerCase() }));
  const threads = [];
  chunks.forEach((c, chunk) => c.rows.forEach(([subject, starter, mask, day, messages], row) => {
    const lists = c.lists.filter((_, i) => mask & (1 << i));
    const start = day == null ? null : day * 86400_000;
    const date = start == null ? "" : new Date(start).toISOString().slice(0, 10);
    const who = ppl[starter] ?? null;
    const author = who?.name ?? "";
    threads.push({ id: null, chunk, row, subject, author, author_id: who?.id ?? null, lists, start, messages, hay: `${subject}\n${author}\n${lists.join(" ")}\n${date}`.toLowerCase() });
  }));
  return { threads, people: ppl };
}

/** Fill in the thread ids of `rows` from the id files; loadIds(chunk) -> that chunk's ids (fetched only for chunks these rows are in). */
export async function withIds(rows, loadIds) {
  const chunks = [...new Set(rows.filter((r) => r.id == null).map((r) => r.chunk))];
  const ids = new Map(await Promise.all(chunks.map(async (c) => [c, await loadIds(c)])));
  for (const r of rows) if (r.id == null) r.id = ids.get(r.chunk)?.[r.row] ?? null;
  return rows;
}

/** Split a query into plain words and qualifiers. */
export function parseQuery(q) {
  const out = { words: [], lists: [], from: [], after: null, before: null };
  for (const raw of String(q ?? "").toLowerCase().split(/\s+/).filter(Boolean)) {
    const m = raw.match(/^(list|from|after|before):(.+)$/);
    if (!m) out.words.push(raw);
    else if (m[1] === "list") out.lists.push(m[2]);
    else if (m[1] === "from") out.from.push(m[2]);
    else { const t = Date.parse(m[2]); if (!Number.isNaN(t)) out[m[1]] = t; else out.words.push(raw); }
  }
  return out;
}

/**
 * A thread row passes the global filter ({ from, to, lists } as urlstate.js readFilter) when it
 * started in the window (whole UTC days, to exclusive; undated threads only without a window) and
 * reached one of its lists. The index holds no per-message dates, so it is the start that counts.
 */
export function threadInFilter(filter) {
  const day = (s) => (s ? Date.parse(`${s}T00:00:00Z`) : null);
  const from = day(filter?.from), to = day(filter?.to), lists = filter?.lists ?? null;
  return (t) => (from === null || (t.start != null && t.start >= from)) && (to === null || (t.start != null && t.start < to))
    && (!lists || t.lists.some((l) => lists.includes(l)));
}

/** `keep`: only threads it accepts (threadInFilter) count and show. */
export function searchThreads(threads, q, limit = 200, keep = null) {
  const p = parseQuery(q);
  if (!p.words.length && !p.lists.length && !p.from.length && p.after == null && p.before == null) return { rows: [], total: 0 };
  const rows = [];
  let total = 0;
  for (const t of threads) {
    if (p.after != null && !(t.start >= p.after)) continue;
    if (p.before != null && !(t.start < p.before)) continue;
    if (!p.lists.every((l) => t.lists.some((x) => x.toLowerCase() === l))) continue;
    if (!p.from.every((w) => t.author.toLowerCase().includes(w))) continue;
    if (!p.words.every((w) => t.hay.includes(w))) continue;
    if (keep && !keep(t)) continue;
    total++;
    if (rows.length < limit) rows.push(t);
  }
  return { rows, total };
}

/** `keep`: only people it accepts (e.g. those who sent mail in the filter) count and show. */
export function searchPeople(people, q, limit = 100, keep = null) {
  const p = parseQuery(q);
  const words = [...p.words, ...p.from];
  if (!words.length) return { rows: [], total: 0 };
  const hits = people.filter((x) => words.every((w) => x.hay.includes(w)) && (!keep || keep(x)));
  hits.sort((a, b) => b.messages - a.messages);
  return { rows: hits.slice(0, limit), total: hits.length };
}
