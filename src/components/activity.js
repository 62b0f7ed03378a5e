// Weekly activity per list for the rows a filter keeps, computed in the browser from the fact
// tables (facts.js). Weeks start on Monday (UTC). A message counts once on each list it reached
// ("*": all lists, once). People exclude bots (as the headline figures do); "new" people sent their
// first stored message that week; a thread "starts" in the week of its first stored message.
// Typed-array passes, not arquero: rows are sorted by day, so each week is one run of rows and
// distinct people/threads are counted with a per-week stamp (arquero's grouped distinct counts took
// 1.3 s at 212k messages; this takes a few ms; bench/site.bench.ts "window change").
const DAY = 86400000;
export const weekOfDay = (d) => d - ((d + 3) % 7);

/** Rows { week (ms), list, messages, threads_active, threads_started, people, new_people, returning_people, crossposted, crosspost_share, days }. */
export function weeklyActivity(f, keep, filter) {
  const nl = f.lists.length, slots = nl + 1; // slot 0: "*", slot i + 1: list i
  const stampP = new Int32Array(slots * f.people), stampT = new Int32Array(slots * f.threads);
  const from = filter.from ? Date.parse(`${filter.from}T00:00:00Z`) / DAY : f.firstDay;
  const to = filter.to ? Date.parse(`${filter.to}T00:00:00Z`) / DAY : f.lastDay + 1;
  const out = [];
  let week = null, stamp = 0, acc = null;
  const flush = () => {
    if (week === null) return;
    for (let s = 0; s < slots; s++) {
      const a = acc[s];
      if (!a.messages) continue;
      out.push({ week: week * DAY, list: s === 0 ? "*" : f.lists[s - 1], messages: a.messages, threads_active: a.threads,
        threads_started: a.started, people: a.people, new_people: a.fresh, returning_people: a.people - a.fresh,
        crossposted: a.cross, crosspost_share: a.cross / a.messages,
        days: Math.max(0, Math.min(7, Math.min(week + 7, to) - Math.max(week, from))) });
    }
  };
  for (let r = 0; r < f.dated; r++) {
    if (!keep[r]) continue;
    const w = weekOfDay(f.day[r]);
    if (w !== week) {
      flush();
      week = w; stamp++;
      acc = Array.from({ length: slots }, () => ({ messages: 0, threads: 0, started: 0, people: 0, fresh: 0, cross: 0 }));
    }
    const mask = f.listMask[r], p = f.person[r], t = f.thread[r];
    let k = 0;
    for (let i = 0; i < nl; i++) if (mask & (1 << i)) k++;
    const human = f.botPerson[p] !== 1, isNew = human && weekOfDay(f.personFirstDay[p]) === w, started = f.threadFirstRow[t] === r;
    for (let s = 0; s < slots; s++) {
      if (s > 0 && !(mask & (1 << (s - 1)))) continue;
      const a = acc[s];
      a.messages++;
      if (k >= 2) a.cross++;
      if (started) a.started++;
      if (stampT[s * f.threads + t] !== stamp) { stampT[s * f.threads + t] = stamp; a.threads++; }
      if (human && stampP[s * f.people + p] !== stamp) { stampP[s * f.people + p] = stamp; a.people++; if (isNew) a.fresh++; }
    }
  }
  flush();
  return out;
}
