// A seeded random mailing-list history for equivalence tests: invented people and messages only.
// Threads with nested replies over several months, patch series (covers, patches, v2 resends),
// forwarded patches (in-body author), review/ack/test/NAK trailers in replies and carried in
// patches, free-text NAK lines, bots, cross-posts (the same message arriving from two archives),
// replies whose parent is missing, undated messages, and single-thread fetches.
import type { ParsedMessage, Trailer, TrailerKind } from "../../loaders/model/records.ts";
import { rng } from "../../loaders/graph/metrics.ts";

export const RANDOM_LISTS = ["alpha", "beta", "gamma"];
const DAY = 86400_000;

export interface RandomMessage { msg: ParsedMessage; sources: string[] }

export function randomHistory(seed: number, n: number): RandomMessage[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const people = Array.from({ length: 40 + Math.floor(n / 20) }, (_, i) => ({ name: `Person ${i} ${["Ng", "O'Hara", "Zoë", "Li"][i % 4]}`, email: `p${i}@${["a", "b", "c"][i % 3]}.example` }));
  const bot = { name: "test robot", email: "robot@ci.example" };
  const t0 = Date.UTC(2023, 0, 2);
  const out: RandomMessage[] = [];
  const roots: { id: string; date: number; lists: string[]; subject: string; patch: boolean; author: (typeof people)[number] }[] = [];
  const inThread = new Map<string, string[]>();
  const trailer = (kind: TrailerKind, who: { name: string; email: string }): Trailer =>
    ({ kind, name: who.name, email: who.email, raw: `${kind}: ${who.name} <${who.email}>` });
  let k = 0;
  const base = (id: string, from: { name: string; email: string }, date: number | null, lists: string[], subject: string): ParsedMessage => ({
    messageId: id, date, from, to: [], cc: [], subject, inReplyTo: null, references: [], listId: null, lists: [...lists].sort(),
    patch: { isPatch: false, isRfc: false, version: 1, index: null, total: null, isCover: false, tags: [] },
    isReply: false, trailers: [], nakLine: false, isBot: false, flags: [], contentHash: `h-${id}`, bytes: 200,
  });
  const sourcesOf = (lists: string[]) => (r() < 0.02 ? [...lists.map((l) => `src-${l}`), "thread:fetch"] : lists.map((l) => `src-${l}`));
  while (out.length < n) {
    const id = `m${k++}@random.example`;
    const date = t0 + Math.floor(r() * 300 * DAY);
    const lists = r() < 0.2 ? [...new Set([pick(RANDOM_LISTS), pick(RANDOM_LISTS), pick(RANDOM_LISTS)])] : [pick(RANDOM_LISTS)];
    const x = r();
    if (x < 0.12 || roots.length < 5) {
      // A patch series: cover + patches, sometimes sent by a maintainer for its author.
      const author = pick(people), sender = r() < 0.15 ? pick(people) : author;
      const total = 1 + Math.floor(r() * 4), v = 1 + Math.floor(r() * 3);
      const cover = base(id, sender, date, lists, `[PATCH v${v} 0/${total}] topic ${k}`);
      cover.patch = { isPatch: true, isRfc: false, version: v, index: 0, total, isCover: true, tags: [] };
      out.push({ msg: cover, sources: sourcesOf(lists) });
      roots.push({ id, date, lists, subject: cover.subject, patch: true, author });
      inThread.set(id, [id]);
      for (let i = 1; i <= total; i++) {
        const pid = `${id}.p${i}`;
        const p = base(pid, sender, date + i * 1000, lists, `[PATCH v${v} ${i}/${total}] step ${i}`);
        p.patch = { isPatch: true, isRfc: false, version: v, index: i, total, isCover: false, tags: [] };
        p.inReplyTo = id; p.references = [id]; p.isReply = true;
        if (sender !== author) p.author = author;
        if (r() < 0.3) p.trailers = [trailer(pick(["reviewed-by", "acked-by"] as TrailerKind[]), pick(people))];
        out.push({ msg: p, sources: sourcesOf(lists) });
        inThread.get(id)!.push(pid);
      }
    } else if (x < 0.3) {
      const author = pick(people);
      const m = base(id, author, r() < 0.01 ? null : date, lists, `discussion ${k}`);
      out.push({ msg: m, sources: sourcesOf(lists) });
      roots.push({ id, date, lists, subject: m.subject, patch: false, author });
      inThread.set(id, [id]);
    } else {
      // A reply somewhere in a recent thread (or to a message the store never saw).
      const root = r() < 0.03 ? null : roots[Math.max(0, roots.length - 1 - Math.floor(r() * 15))];
      const from = r() < 0.05 ? bot : pick(people);
      const members = root ? inThread.get(root.id)! : [];
      const parent = root ? pick(members) : `missing${k}@elsewhere.example`;
      const m = base(id, from, r() < 0.01 ? null : (root?.date ?? date) + Math.floor(r() * 20 * DAY), root?.lists ?? lists, `Re: ${root?.subject ?? "lost"}`);
      m.inReplyTo = parent; m.references = root && parent !== root.id ? [root.id, parent] : [parent]; m.isReply = true;
      m.isBot = from === bot;
      const y = r();
      if (root?.patch && y < 0.3) m.trailers = [trailer(pick(["reviewed-by", "acked-by", "tested-by", "nacked-by"] as TrailerKind[]), r() < 0.9 ? from : pick(people))];
      else if (y < 0.35) m.nakLine = true;
      out.push({ msg: m, sources: sourcesOf(m.lists) });
      if (root) members.push(id);
    }
  }
  return out;
}
