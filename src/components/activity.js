// Weekly activity per list for the rows a filter keeps, computed in the browser with arquero from
// the fact tables (facts.js). Weeks start on Monday (UTC). A message counts once on each list it
// reached ("*": all lists, once). People exclude bots (as the headline figures do); "new" people
// sent their first stored message that week; a thread "starts" in the week of its first stored message.
const DAY = 86400000;
export const weekOfDay = (d) => d - ((d + 3) % 7);

/** Rows { week (ms), list, messages, threads_active, threads_started, people, new_people, returning_people, crossposted, crosspost_share, days }. */
export function weeklyActivity(aq, f, keep, filter) {
  const week = [], list = [], person = [], thread = [], started = [], cross = [], fresh = [];
  const nLists = f.lists.length;
  for (let r = 0; r < f.dated; r++) {
    if (!keep[r]) continue;
    const w = weekOfDay(f.day[r]), mask = f.listMask[r], p = f.person[r], t = f.thread[r];
    let k = 0;
    for (let i = 0; i < nLists; i++) if (mask & (1 << i)) k++;
    const bot = f.botPerson[p] === 1;
    const push = (l) => {
      week.push(w); list.push(l); person.push(bot ? -1 : p); thread.push(t);
      started.push(f.threadFirstRow[t] === r ? 1 : 0); cross.push(k >= 2 ? 1 : 0);
      fresh.push(!bot && weekOfDay(f.personFirstDay[p]) === w ? p : -1);
    };
    push("*");
    for (let i = 0; i < nLists; i++) if (mask & (1 << i)) push(f.lists[i]);
  }
  if (!week.length) return [];
  const { op } = aq;
  const rows = aq.table({ week, list, person, thread, started, cross, fresh })
    .groupby("week", "list")
    .rollup({
      messages: op.count(), threads_active: op.distinct("thread"), threads_started: op.sum("started"),
      // distinct counts -1 (bots, not new) as one value: take it off where present
      people: op.distinct("person"), has_bot: op.min("person"), new_people: op.distinct("fresh"), has_old: op.min("fresh"),
      crossposted: op.sum("cross"),
    })
    .orderby("week", "list")
    .objects();
  // Days of each week inside the filter window (or the data), so partial weeks can be marked.
  const from = filter.from ? Date.parse(`${filter.from}T00:00:00Z`) / DAY : f.firstDay;
  const to = filter.to ? Date.parse(`${filter.to}T00:00:00Z`) / DAY : f.lastDay + 1;
  return rows.map((d) => {
    const people = d.people - (d.has_bot < 0 ? 1 : 0), newPeople = d.new_people - (d.has_old < 0 ? 1 : 0);
    return {
      week: d.week * DAY, list: d.list, messages: d.messages, threads_active: d.threads_active, threads_started: d.threads_started,
      people, new_people: newPeople, returning_people: people - newPeople, crossposted: d.crossposted,
      crosspost_share: d.messages ? d.crossposted / d.messages : 0,
      days: Math.max(0, Math.min(7, Math.min(d.week + 7, to) - Math.max(d.week, from))),
    };
  });
}
