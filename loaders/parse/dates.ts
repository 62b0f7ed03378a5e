// Date headers -> epoch ms UTC. A hand parser for RFC 5322 and its common obsolete forms
// (no weekday, 2-digit years, named zones, missing seconds, trailing "(CEST)"), then Date.parse.
import { dropComments } from "./linear-text.ts";
const MONTHS = new Map(Object.entries({ jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 }));
const ZONES = new Map(Object.entries({
  ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, bst: 60, ist: 330, jst: 540, kst: 540,
}));

const RFC = /^\s*(?:[A-Za-z]+,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3})[a-z]*[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?/;

/** Parse a Date header; null when it is not a usable date. */
export function parseDate(v: string | undefined): number | null {
  if (!v) return null;
  const m = RFC.exec(v);
  if (m) {
    const mon = MONTHS.get(m[2].toLowerCase());
    if (mon !== undefined) {
      let y = Number(m[3]);
      if (m[3].length === 2) y += y < 50 ? 2000 : 1900;
      else if (m[3].length === 3) y += 1900;
      let off = 0;
      const z = m[7];
      if (z && (z[0] === "+" || z[0] === "-")) {
        const d = z.replace(":", "");
        off = (Number(d.slice(1, 3)) * 60 + Number(d.slice(3, 5))) * (z[0] === "-" ? -1 : 1);
      } else if (z) off = ZONES.get(z.toLowerCase()) ?? 0;
      const day = Number(m[1]), hh = Number(m[4]), mm = Number(m[5]), ss = Number(m[6] ?? 0);
      // Out-of-range fields would silently roll over ("31 Feb" -> 2 Mar): not a usable date.
      if (hh > 23 || mm > 59 || ss > 60 || Math.abs(off) > 14 * 60) return null;
      const wall = Date.UTC(y, mon, day, hh, mm, ss);
      if (new Date(wall).getUTCDate() !== day) return null;
      return sane(wall - off * 60000);
    }
  }
  const s = dropComments(v, "").trim();
  // No real date is this long; Date.parse on megabytes of junk is slow for nothing.
  if (s.length > MAX_FREE_DATE) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  // Date.parse reads a zone-less date-time as the machine's local time; mail archives must not
  // depend on where they are parsed, so such dates are taken as UTC.
  const zoneless = !HAS_ZONE.test(s) && !/^\d{4}-\d{2}-\d{2}$/.test(s);
  return sane(zoneless ? t - new Date(t).getTimezoneOffset() * 60000 : t);
}

const MAX_FREE_DATE = 256;

const HAS_ZONE = /(?:[+-]\d{2}:?\d{2}|\d(?:Z)|\b(?:UTC?|GMT|Z|[A-Z]{2,4}T))\s*$/i;

/** Reject dates no mail archive can hold (before 1980 or past 2100). */
function sane(t: number): number | null {
  return t >= 315532800000 && t < 4102444800000 ? t : null;
}

/** The newest date among Received headers (the part after the last ';'). */
export function newestReceived(received: string[] | undefined): number | null {
  if (!received) return null;
  let best: number | null = null;
  for (const r of received) {
    const semi = r.lastIndexOf(";");
    if (semi < 0) continue;
    const t = parseDate(r.slice(semi + 1));
    if (t !== null && (best === null || t > best)) best = t;
  }
  return best;
}
