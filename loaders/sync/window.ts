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
  if (rel) return Math.floor(now / DAY) * DAY - Number(rel[1]) * DAY;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s.trim()) ? `${s.trim()}T00:00:00Z` : s);
  if (!Number.isFinite(t)) throw new Error(`bad date '${s}': use YYYY-MM-DD, an ISO time, or "N days" like 180d`);
  return t;
}

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

/**
 * Where the next sync starts: after what is already covered, minus an overlap (mail arrives
 * late and with skewed Dates; dedup makes the overlap harmless). A window reaching before the
 * covered range is fetched whole.
 */
export function resumeFrom(w: Window, covered: { from: number; to: number } | undefined, overlapMs: number): number {
  if (!covered || w.since < covered.from) return w.since;
  return Math.max(w.since, covered.to - overlapMs);
}
