// lore HTTP search source: one list's window fetched as date slices, each a
// POST <inbox>/?q=d:FROM..TO&x=m that answers with an mbox.gz.
//
// Truncation: public-inbox 1.9's mbox_all (Mbox.pm) pages through every match (50 per Xapian
// mset), so the software itself has no cap; a deployment (a proxy timeout, a front-end limit)
// can still cut results. We detect both kinds: a gzip that ends early is retried, and a slice
// returning >= maxPerSlice messages is treated as capped and split in two (down to 1 s; at most
// maxSplits times per run, so a server that ignores the date range cannot make it endless).
// Slices adapt their width to the list's traffic, and up to two are fetched ahead of the store.
// A response over the byte limit is split the same way (a bounded number of times per run; a
// gzip bomb never is).
//
// A slice whose response is not a complete mbox (an HTML page, an empty or damaged gzip, a bomb,
// a blown deadline) is never covered: the sync goes on with the next slices, then fails naming
// every failed slice, and the next sync fetches them again. After a few failures in a row (or a
// host that cannot be reached) it stops instead of asking a broken server for every slice.
//
// Cursor: { covered: [{from, to}, ...] } — the disjoint date ranges already fetched completely.
// The last message of each slice carries the extended ranges, so a killed sync resumes at the
// first unfinished slice; the next sync fetches exactly the window's uncovered parts, plus an
// overlap before the newest covered end (a window that skips a stretch leaves a gap that a
// later, wider window fills).
import type { Source, SourceCursor, SourceItem } from "../../model/records.ts";
import type { HttpClient } from "./http-client.ts";
import { mboxMessages, TruncatedResponse } from "./mbox-response.ts";
import { ResponseTooLarge, Unreachable } from "./http-errors.ts";
import { checkSliceList, ownKeys } from "./slice-list.ts";
import { addRange, DAY, sliceLabel, sliceQuery, splitSlice, uncovered, type Range, type Slice, type Window } from "../../model/window.ts";

export interface LoreHttpOptions {
  list: string;
  inbox: string;
  window: Window;
  client: HttpClient;
  /** A slice with this many messages is assumed capped and split. */
  maxPerSlice?: number;
  initialSliceDays?: number;
  overlapDays?: number;
  /** Retries of one slice whose gzip ended early. */
  truncatedRetries?: number;
  /** Splits per run, for any reason (64), and of those for a response over the byte limit (8). */
  maxSplits?: number;
  maxSizeSplits?: number;
  /** Failed slices in a row after which the list stops. */
  maxConsecutiveFailures?: number;
  onProgress?: (p: HttpSliceProgress) => void;
  now?: () => number;
  /**
   * The date a message is indexed under (its Date header), or null; given by the caller (parse/
   * sits above sources/). With it, a slice answered with mail of another window is refused.
   */
  dateOf?: (bytes: Buffer) => number | null;
  /**
   * The lists a message names (To, Cc, List-Id, X-Mailing-List values), given by the caller. With
   * it, a slice answered with another list's mail is refused (slice-list.ts).
   */
  listsOf?: (bytes: Buffer) => string[];
  /** This list's address and aliases, which its mail may be addressed to (with `list` and the inbox URL). */
  address?: string;
  aliases?: string[];
}

export interface HttpSliceProgress {
  list: string;
  slicesDone: number;
  slicesPlanned: number;
  splits: number;
  /** Slices that failed (they stay uncovered). */
  failed: number;
  messages: number;
  bytes: number;
  slice?: string;
}

export interface LoreHttpCursor extends SourceCursor {
  covered: Range[];
}

/** The covered ranges of a cursor; the older single-range form ({from, to} or null) is read too. */
export function coveredRanges(c: SourceCursor | undefined): Range[] {
  const v = c?.covered as Range[] | Range | null | undefined;
  const ok = (r: Range | null | undefined): r is Range => !!r && typeof r.from === "number" && typeof r.to === "number";
  if (Array.isArray(v)) return v.filter(ok).reduce<Range[]>((l, r) => addRange(l, r), []);
  return ok(v) ? [v] : [];
}

/** The ranges cut at `t`: nothing after it counts as covered. */
export function clipRanges(ranges: Range[], t: number): Range[] {
  return ranges.flatMap((r) => (r.from >= t ? [] : [{ from: r.from, to: Math.min(r.to, t) }]));
}

/** Some slices could not be fetched: they stay uncovered, so the next sync fetches them again. */
export class SliceFailures extends Error {
  constructor(readonly list: string, readonly failed: { slice: string; reason: string }[], stoppedEarly: boolean) {
    super(`${failed.length} slice${failed.length === 1 ? " failed and stays" : "s failed and stay"} unfetched (the next sync fetches ${failed.length === 1 ? "it" : "them"} again)` +
      `${stoppedEarly ? `; stopped after ${failed.length === 1 ? "this failure" : "these failures"}, the rest of the window was not fetched` : ""}: ` +
      failed.map((f) => `[${f.slice}] ${f.reason}`).join("; "));
  }
}

export const normalizeInbox = (u: string) => (u.endsWith("/") ? u : `${u}/`);

export function searchUrl(inbox: string, s: Slice): string {
  return `${normalizeInbox(inbox)}?q=${encodeURIComponent(sliceQuery(s))}&x=m`;
}

export function loreHttpSource(o: LoreHttpOptions): Source {
  const inbox = normalizeInbox(o.inbox);
  const id = `lore-http:${inbox}`;
  return { id, kind: "mbox", path: inbox, list: o.list, read: (c?: SourceCursor) => readSlices({ ...o, inbox }, id, c as LoreHttpCursor | undefined) };
}

async function* readSlices(o: LoreHttpOptions, id: string, cursor?: LoreHttpCursor): AsyncGenerator<SourceItem> {
  const now = o.now ?? Date.now;
  const cap = o.maxPerSlice ?? 5000;
  const maxBytes = o.client.opts.maxResponseBytes;
  const owns = ownKeys({ name: o.list, address: o.address, inbox: o.inbox, aliases: o.aliases });
  // Coverage past the clock was recorded by a run whose clock ran ahead (or this clock went back):
  // mail dated there may have arrived since, so that part counts as not fetched.
  let covered = clipRanges(coveredRanges(cursor), now());
  const gaps = uncovered(o.window, covered, (o.overlapDays ?? 3) * DAY);
  let width = Math.max(1, o.initialSliceDays ?? 7) * DAY;
  let gi = 0;
  let pos = gaps[0]?.from ?? 0;
  const st: HttpSliceProgress = { list: o.list, slicesDone: 0, slicesPlanned: 0, splits: 0, failed: 0, messages: 0, bytes: 0 };
  const plan = () => {
    const left = gaps.slice(gi).reduce((n, g) => n + Math.max(0, Math.ceil(((g.to ?? now()) - Math.max(pos, g.from)) / width)), 0);
    st.slicesPlanned = st.slicesDone + ahead.length + halves.length + left;
  };

  type Fetched = { slice: Slice; startedAt: number; msgs: Promise<Buffer[]> };
  // At most two responses are fetched ahead, whatever the splits: memory stays at a few responses.
  const ahead: Fetched[] = [];
  /** Halves of split slices, fetched before any new slice. */
  const halves: Slice[] = [];
  const nextSlice = (): Slice | null => {
    for (;;) {
      const g = gaps[gi];
      if (!g) return null;
      const stop = g.to; // null: open end
      if ((stop !== null && pos >= stop) || (stop === null && pos > now() + DAY)) {
        pos = gaps[++gi]?.from ?? pos;
        continue;
      }
      let to: number | null = pos + width;
      if (stop !== null) to = Math.min(to, stop);
      else if (to > now()) to = null; // the last slice is open-ended: it also catches future-dated mail
      const s = { from: pos, to };
      pos = to ?? Number.POSITIVE_INFINITY;
      return s;
    }
  };
  const fetchSlice = (slice: Slice): Fetched => {
    const f = { slice, startedAt: now(), msgs: fetchMessages(o, slice, (n) => { st.bytes += n; }) };
    f.msgs.catch(() => {}); // awaited in order below; never an unhandled rejection
    return f;
  };
  const fill = () => {
    while (ahead.length < 2) {
      const s = halves.shift() ?? nextSlice();
      if (!s) break;
      ahead.push(fetchSlice(s));
    }
    plan();
  };

  const failed: { slice: string; reason: string; error: unknown }[] = [];
  let inARow = 0;
  let stoppedEarly = false;
  let sizeSplits = 0;
  const split = (f: Fetched): boolean => {
    const two = st.splits < (o.maxSplits ?? 64) ? splitSlice(f.slice, now()) : null;
    if (!two) return false;
    st.splits++;
    halves.unshift(...two);
    width = Math.max(1000, Math.min(width, (two[0].to! - two[0].from)));
    fill();
    o.onProgress?.({ ...st });
    return true;
  };

  fill();
  while (ahead.length) {
    const f = ahead.shift()!;
    st.slice = sliceLabel(f.slice);
    let msgs: Buffer[];
    try {
      msgs = await f.msgs;
      // Possibly capped: fetch both halves instead, and use narrower slices from here on.
      if (msgs.length >= cap && split(f)) continue;
      if (msgs.length >= cap && splitSlice(f.slice, now())) {
        throw new Error(`${searchUrl(o.inbox, f.slice)}: still ${cap} messages or more after ${st.splits} splits in this run: ` +
          "the server seems to ignore the date range or to cap its results (maxPerSlice); nothing from it was stored");
      }
      if (o.dateOf) checkSliceDates(msgs, f.slice, o.dateOf, now(), searchUrl(o.inbox, f.slice));
      if (o.listsOf) checkSliceList(msgs, o.listsOf, owns, searchUrl(o.inbox, f.slice), sliceLabel(f.slice));
    } catch (e) {
      // Over the limit but plausibly just a lot of mail: ask for the two halves instead.
      if (e instanceof ResponseTooLarge && e.splittable && sizeSplits < (o.maxSizeSplits ?? 8) && split(f)) {
        sizeSplits++;
        continue;
      }
      failed.push({ slice: st.slice, reason: (e as Error).message, error: e });
      st.failed++;
      if (e instanceof Unreachable || ++inARow >= (o.maxConsecutiveFailures ?? 3)) {
        stoppedEarly = ahead.length > 0 || halves.length > 0 || nextSlice() !== null;
        break;
      }
      fill();
      o.onProgress?.({ ...st });
      continue;
    }
    inARow = 0;
    const span = (f.slice.to ?? f.startedAt) - f.slice.from;
    // Moderate slices keep the pipeline busy (the store parses one while the next downloads)
    // and stay far from any cap (message count and bytes); only very quiet stretches grow them.
    const bytes = msgs.reduce((n, m) => n + m.length, 0);
    if (msgs.length > Math.min(cap / 2, 1000) || bytes > maxBytes / 2) width = Math.max(1000, Math.floor(width / 2));
    else if (msgs.length < Math.min(cap / 8, 50) && bytes < maxBytes / 8 && span >= width && width < 32 * DAY) width *= 2;
    if (width >= DAY) width = Math.floor(width / DAY) * DAY;
    // Until its last message is stored, this slice is not covered; that message completes it.
    const before: LoreHttpCursor = { covered };
    covered = addRange(covered, { from: f.slice.from, to: f.slice.to ?? f.startedAt });
    const after: LoreHttpCursor = { covered };
    const source = `${id}?${sliceQuery(f.slice)}`;
    for (let i = 0; i < msgs.length; i++) {
      st.messages++;
      yield {
        kind: "message", bytes: msgs[i], provenance: { source, position: String(i), list: o.list },
        cursor: i === msgs.length - 1 ? after : before,
      };
    }
    st.slicesDone++;
    fill();
    o.onProgress?.({ ...st });
  }
  if (failed.length === 1 && failed[0].error instanceof Unreachable) throw failed[0].error; // says it all
  if (failed.length) throw new SliceFailures(o.list, failed, stoppedEarly);
}

/** Dates this far outside a slice still belong to it (time zones, public-inbox's own rounding). */
const SLICE_MARGIN = 2 * DAY;
/** Dates before this, or after now plus the margin, say nothing about the slice (a bad clock). */
const PLAUSIBLE_FROM = Date.UTC(1990, 0, 1);

/**
 * public-inbox indexes a message under its Date, so a slice's dated mail falls inside the slice.
 * When most of it does not, the server did not answer this query (a cache, a proxy, a server that
 * ignores d:): storing it would mark the slice fetched while its own mail was never seen.
 */
function checkSliceDates(msgs: Buffer[], slice: Slice, dateOf: (b: Buffer) => number | null, now: number, url: string): void {
  const lo = slice.from - SLICE_MARGIN, hi = slice.to === null ? Infinity : slice.to + SLICE_MARGIN;
  let dated = 0, off = 0, example = 0;
  for (const m of msgs) {
    const t = dateOf(m);
    if (t === null || !Number.isFinite(t) || t < PLAUSIBLE_FROM || t > now + SLICE_MARGIN) continue;
    dated++;
    if (t < lo || t >= hi) {
      off++;
      example ||= t;
    }
  }
  if (off * 2 > dated) {
    throw new Error(`${url}: the server answered with mail of another window: ${off} of ${dated} dated messages fall outside ` +
      `${sliceLabel(slice)} (e.g. ${new Date(example).toISOString()}); nothing from this slice was stored and it stays unfetched ` +
      "(is the server honouring d: date queries?)");
  }
}

async function fetchMessages(o: LoreHttpOptions, slice: Slice, onBytes: (n: number) => void): Promise<Buffer[]> {
  const url = searchUrl(o.inbox, slice);
  for (let attempt = 0; ; attempt++) {
    const res = await o.client.request(url, "POST", onBytes);
    try {
      return await mboxMessages(res, o.client.opts.maxResponseBytes, o.maxPerSlice ?? 5000);
    } catch (e) {
      if (!(e instanceof TruncatedResponse) || attempt >= (o.truncatedRetries ?? 2)) throw e;
    }
  }
}
