// Turns a thread detail artifact into the rows of the timeline and a plain-language summary.
// Output is plain strings and numbers; the page renders them as text.
import { fmtDate, fmtDuration } from "./dom.js";
import { homeLabel } from "./colors.js";
import { joinNames, NAME_SEP } from "./names.js";

/** Messages in date order, one row each, with the row of their parent (null for the root or a missing parent). */
export function threadRows(d) {
  const people = new Map(d.participants.map((p) => [p.id, p]));
  const msgs = d.messages.slice().sort((a, b) => (a.date ?? 0) - (b.date ?? 0));
  const rowOf = new Map(msgs.map((m, i) => [m.id, i]));
  return msgs.map((m, i) => {
    const p = people.get(m.from);
    // A forwarded patch: the sender, and the in-body author it was written by (text only).
    const sender = p?.name ?? m.from;
    return { ...m, row: i, name: sender, home: p?.home ?? null, key: p?.key ?? null,
      author_name: m.author?.name ?? null, from_label: m.author ? `${sender} (author: ${m.author.name})` : sender,
      parentRow: m.parent != null && rowOf.has(m.parent) ? rowOf.get(m.parent) : null };
  });
}

/** Replies between home lists inside the thread: {from, to, replies}. */
export function homeFlows(d) {
  const rows = threadRows(d);
  const counts = new Map();
  for (const r of rows) {
    if (r.parentRow == null) continue;
    const parent = rows[r.parentRow];
    if (parent.from === r.from) continue;
    const k = `${homeLabel(r.home)}\u0000${homeLabel(parent.home)}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, replies]) => { const [from, to] = k.split("\u0000"); return { from, to, replies }; });
}

const PLURALS = { reply: "replies", person: "people" };
const plural = (n, w) => `${n} ${n === 1 ? w : PLURALS[w] ?? `${w}s`}`;

/** A few sentences a maintainer can read instead of the chart. */
export function threadStory(d) {
  const t = d.thread;
  const rows = threadRows(d);
  const out = [];
  const span = t.start != null && t.end != null ? fmtDuration(t.end - t.start) : "an unknown time";
  const starter = t.author ? `Started by ${t.author.name}${t.author.home ? ` (home list: ${homeLabel(t.author.home)})` : ""} on ${fmtDate(t.start)}`
    : t.root_missing ? `Its first message is not in the archive: the earliest stored one (${fmtDate(t.start)}) is already a reply`
    : `Started by an unknown author on ${fmtDate(t.start)}`;
  out.push(`${starter}; ` +
    `${plural(t.messages, "message")} from ${plural(t.participants, "person")} over ${span}. ` +
    `It reached ${t.lists.length ? t.lists.join(", ") : "no tracked list"}.`);
  const byHome = new Map();
  for (const p of d.participants) byHome.set(homeLabel(p.home), [...(byHome.get(homeLabel(p.home)) ?? []), p]);
  const parts = [...byHome].sort((a, b) => b[1].length - a[1].length)
    .map(([h, ps]) => `${ps.length} from ${h === "several lists" ? "several lists equally" : h} (${joinNames(ps.slice().sort((a, b) => b.messages - a.messages).slice(0, 4))}${ps.length > 4 ? `${NAME_SEP}…` : ""})`);
  if (parts.length) out.push(`Who engaged, by home list: ${parts.join("; ")}.`);
  // Home subsystem and organisation (thread/<key>.json `affiliations`, when the analysis had them).
  if (d.affiliations) {
    const who = d.participants.slice().sort((a, b) => b.messages - a.messages).slice(0, 8).map((p) => {
      const a = d.affiliations[p.id] ?? {};
      const bits = [a.home_subsystem === "insufficient" ? "too little mail for a home subsystem" : a.home_subsystem, a.organisation].filter(Boolean);
      return bits.length ? `${p.name} (${bits.join(", ")})` : null;
    }).filter(Boolean);
    if (who.length) out.push(`Home subsystems and organisations: ${who.join("; ")}.`);
  }
  const top = d.participants.slice().sort((a, b) => b.messages - a.messages).slice(0, 3).map((p) => `${p.name} (${p.messages})`);
  if (top.length) out.push(`Most active: ${joinNames(top)}.`);
  const lat = rows.map((r) => r.latency_ms).filter((x) => x != null).sort((a, b) => a - b);
  if (lat.length) out.push(`First reply after ${fmtDuration(t.first_reply_ms)}; half of all replies came within ${fmtDuration(lat[Math.floor(lat.length / 2)])} of the message they answer.`);
  else out.push("Nobody replied.");
  const flows = homeFlows(d).filter((f) => f.from !== f.to).sort((a, b) => b.replies - a.replies);
  if (flows.length) out.push(`Across lists: ${flows.slice(0, 4).map((f) => `${plural(f.replies, "reply")} from people whose home is ${f.from} to people whose home is ${f.to}`).join(", ")}.`);
  const kinds = new Map();
  for (const x of d.trailers) kinds.set(x.kind, (kinds.get(x.kind) ?? 0) + 1);
  if (kinds.size || d.naks.length) out.push(`Verdicts: ${[...[...kinds].map(([k, n]) => `${n} ${k}`), d.naks.length ? plural(d.naks.length, "NAK") + (d.naks.some((n) => n.cross_subsystem) ? " (cross-subsystem)" : "") : null].filter(Boolean).join(", ")}.`);
  return out;
}
