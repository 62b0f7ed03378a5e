// Time windows and date slices for lore sync. All times are epoch ms UTC.
// A slice [from, to) becomes a public-inbox query: d:YYYYMMDD..YYYYMMDD for whole days (the
// `d:` range is inclusive of both days), dt:YYYYMMDDhhmmss..YYYYMMDDhhmmss when split below a
// day (also inclusive, so the end is to-1s), and an open end ("d:FROM..") when `to` is null.
export const DAY = 86_400_000;

export interface Window {
  since: number;
  /** Exclusive; null = up to now and beyond (messages dated in the future included). */
  until: number | null;
}

export interface Slice {
  from: number;
  to: number | null;
}

/** "2024-07-01", "2024-07-01T12:00:00Z" or "180d" (the last N days, from today's UTC midnight). */
export function parseWhen(s: string, now = Date.now()): number {
  const rel = /^(\d+)\s*d(ays?)?$/i.exec(s.trim());
  const t = rel ? Math.floor(now / DAY) * DAY - Number(rel[1]) * DAY
    : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s.trim()) ? `${s.trim()}T00:00:00Z` : s);
  if (!Number.isFinite(t)) throw new Error(`bad date '${s}': use YYYY-MM-DD, an ISO time, or "N days" like 180d`);
  // Date.parse rolls a day the month lacks over ("2024-02-30" is 1 March): a typo, not that day.
  // No mail archive holds mail outside this (a window from year 1 would be thousands of requests of nothing).
  if (t < EARLIEST || t > LATEST) {
    // a count of days can name a time no Date holds (toISOString() would throw "Invalid time value")
    const when = Math.abs(t) <= 8.64e15 ? new Date(t).toISOString().slice(0, 10) : "that date";
    throw new Error(`bad date '${s.length > 40 ? `${s.slice(0, 40)}…` : s}': ${when} is outside 1970-01-01..2100-01-01`);
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
    if (!days || d < 1 || d > days) throw new Error(`bad date '${s}': no such day (${day[0]} is not in the calendar)`);
  }
  return t;
}

const EARLIEST = 0;
const LATEST = Date.UTC(2100, 0, 1);

export function resolveWindow(since: string, until: string | undefined, now = Date.now()): Window {
  const w = { since: parseWhen(since, now), until: until ? parseWhen(until, now) : null };
  if (w.until !== null && w.until <= w.since) throw new Error(`empty window: until (${until}) is not after since (${since})`);
  return w;
}

export function inWindow(t: number, w: Window): boolean {
  return t >= w.since && (w.until === null || t < w.until);
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
function ymd(t: number): string {
  const d = new Date(t);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}
function ymdhms(t: number): string {
  const d = new Date(t);
  return `${ymd(t)}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** The public-inbox search expression selecting exactly the messages dated in [from, to). */
export function sliceQuery(s: Slice): string {
  const dayAligned = (t: number) => t % DAY === 0;
  if (dayAligned(s.from) && (s.to === null || dayAligned(s.to))) {
    return s.to === null ? `d:${ymd(s.from)}..` : `d:${ymd(s.from)}..${ymd(s.to - DAY)}`;
  }
  return s.to === null ? `dt:${ymdhms(s.from)}..` : `dt:${ymdhms(s.from)}..${ymdhms(s.to - 1000)}`;
}

export function sliceLabel(s: Slice): string {
  const f = (t: number) => new Date(t).toISOString().replace(/T00:00:00\.000Z$/, "").replace(/\.000Z$/, "Z");
  return `${f(s.from)}..${s.to === null ? "" : f(s.to)}`;
}

/** Split a slice in two at a whole second (whole day when possible). Null if it cannot shrink. */
export function splitSlice(s: Slice, now = Date.now()): [Slice, Slice] | null {
  const end = s.to ?? Math.max(now + DAY, s.from + 2 * DAY);
  const span = end - s.from;
  if (span < 2000) return null;
  let mid = s.from + Math.floor(span / 2);
  mid = span >= 2 * DAY ? Math.floor(mid / DAY) * DAY : Math.floor(mid / 1000) * 1000;
  if (mid <= s.from) mid = s.from + 1000;
  return [{ from: s.from, to: mid }, { from: mid, to: s.to }];
}

/** A span [from, to) of dates fetched completely. */
export interface Range {
  from: number;
  to: number;
}

/** Adds r to a sorted list of disjoint ranges, merging the ones it overlaps or touches. */
export function addRange(list: readonly Range[], r: Range): Range[] {
  if (r.to <= r.from) return [...list];
  let from = r.from, to = r.to;
  const out: Range[] = [];
  for (const x of list) {
    if (x.to < from || x.from > to) out.push(x);
    else {
      from = Math.min(from, x.from);
      to = Math.max(to, x.to);
    }
  }
  out.push({ from, to });
  return out.sort((a, b) => a.from - b.from);
}

const floorDay = (t: number) => Math.floor(t / DAY) * DAY;
const ceilDay = (t: number) => Math.ceil(t / DAY) * DAY;

/**
 * The parts of the window not yet covered, i.e. what a sync must fetch. The newest covered range
 * loses its last `overlapMs` (mail arrives late and with skewed Dates; dedup makes the overlap
 * harmless). Gaps widen to whole days (fewer, cheaper queries) but never leave the window.
 */
export function uncovered(w: Window, covered: readonly Range[], overlapMs: number): Slice[] {
  const sorted = [...covered].sort((a, b) => a.from - b.from);
  const newest = sorted.reduce<Range | undefined>((m, r) => (!m || r.to > m.to ? r : m), undefined);
  const ranges = sorted.flatMap((r) => (r === newest ? (r.to - overlapMs > r.from ? [{ from: r.from, to: r.to - overlapMs }] : []) : [r]));
  const end = w.until ?? Number.POSITIVE_INFINITY;
  const gaps: Slice[] = [];
  let pos = w.since;
  for (const r of ranges) {
    if (r.to <= pos) continue;
    if (r.from >= end) break;
    if (r.from > pos) gaps.push({ from: pos, to: r.from });
    pos = r.to;
  }
  if (pos < end) gaps.push({ from: pos, to: w.until });
  const out: Slice[] = [];
  for (const g of gaps) {
    const from = Math.max(w.since, floorDay(g.from));
    const to = g.to === null ? null : g.to === w.until ? g.to : Math.min(end, ceilDay(g.to));
    const prev = out[out.length - 1];
    if (prev && prev.to !== null && prev.to >= from) prev.to = to;
    else out.push({ from, to });
  }
  return out;
}
