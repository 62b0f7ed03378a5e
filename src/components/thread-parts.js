// Rows of threads.json from its parts (loaders/analysis/site.ts writes THREAD_PARTS = 16 equal
// row ranges): a page asks for the rows it shows and loads only the parts holding them. Each file is
// named literally, as Framework needs to ship it.
import { FileAttachment } from "observablehq:stdlib";

const PARTS = [
  FileAttachment("../data/site/threads-part-0.json"),
  FileAttachment("../data/site/threads-part-1.json"),
  FileAttachment("../data/site/threads-part-2.json"),
  FileAttachment("../data/site/threads-part-3.json"),
  FileAttachment("../data/site/threads-part-4.json"),
  FileAttachment("../data/site/threads-part-5.json"),
  FileAttachment("../data/site/threads-part-6.json"),
  FileAttachment("../data/site/threads-part-7.json"),
  FileAttachment("../data/site/threads-part-8.json"),
  FileAttachment("../data/site/threads-part-9.json"),
  FileAttachment("../data/site/threads-part-10.json"),
  FileAttachment("../data/site/threads-part-11.json"),
  FileAttachment("../data/site/threads-part-12.json"),
  FileAttachment("../data/site/threads-part-13.json"),
  FileAttachment("../data/site/threads-part-14.json"),
  FileAttachment("../data/site/threads-part-15.json"),
];

const TOP = FileAttachment("../data/site/threads-top.json");
const CROSS = FileAttachment("../data/site/threads-cross.json");

/**
 * Thread rows by row index (threads.json order = the fact tables' thread index), for `wanted` rows:
 * first from threads-top.json (the biggest threads, what wide windows list), with `crossposted`
 * also threads-cross.json (the biggest cross-posted ones), then from the parts holding the rest, at
 * most `maxRows` rows of parts (at least one part).
 */
export async function loadThreadRows(wanted, total, maxRows = Infinity, { crossposted = false } = {}) {
  const rows = new Map();
  for (const { row, ...r } of (await TOP.json()).rows) rows.set(row, r);
  // The biggest cross-posted threads beyond the top ones, for pages listing cross-posted threads.
  if (crossposted) for (const { row, ...r } of (await CROSS.json()).rows) rows.set(row, r);
  const missing = [...wanted].filter((r) => !rows.has(r));
  const per = Math.max(1, Math.ceil(total / PARTS.length));
  // Parts of at most maxRows rows in all (a page with a transfer budget; at least one part): those holding the most wanted rows.
  const maxParts = Math.max(1, Math.floor(maxRows / per));
  const count = new Map();
  for (const r of missing) { const k = Math.floor(r / per); if (k >= 0 && k < PARTS.length) count.set(k, (count.get(k) ?? 0) + 1); }
  const need = [...count].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, maxParts).map(([k]) => k);
  const parts = await Promise.all(need.map((k) => PARTS[k].json()));
  for (const p of parts) p.rows.forEach((row, i) => rows.set(p.first + i, row));
  return rows;
}
