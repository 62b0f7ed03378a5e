// SYNTHETIC hostile corpus for the browser tests (invented, no real mail): sizes and characters an
// attacker can put in a header. A 1 MiB unbroken Subject, a 10,000-character unbroken name and
// subject, Zalgo text (letters carrying thousands of combining marks), Message-IDs that are dot
// segments or full of URL syntax, names that start like spreadsheet formulas or carry control
// characters, and a thread longer than a thread page shows.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const HUGE_SUBJECT = "H".repeat(1 << 20);
export const LONG_WORD = "W".repeat(10_000);
export const ZALGO = "Z" + "\u0301\u0316\u0327\u0360".repeat(1500) + "algo";
export const DOT_IDS = ["..", "."];
export const BIG_THREAD = 620;

interface M { id: string; name: string; email: string; subject: string; date: number; parent?: string; lists: string[] }

/** An RFC 2047 encoded word carrying any UTF-8 text (control characters included). */
const word = (s: string) => `=?utf-8?B?${Buffer.from(s, "utf8").toString("base64")}?=`;

export function hostileMessages(): M[] {
  const t0 = Date.UTC(2024, 7, 5, 8, 0);
  const H = 3_600_000;
  const out: M[] = [];
  const add = (m: Omit<M, "date" | "lists"> & { lists?: string[] }) => { out.push({ lists: ["netdev"], ...m, date: t0 + out.length * H }); return m.id; };
  const huge = add({ id: "huge@evil.example", name: "Hugo Huge", email: "hugo@evil.example", subject: HUGE_SUBJECT });
  add({ id: "huge-re@evil.example", name: LONG_WORD, email: "long@evil.example", subject: `Re: ${HUGE_SUBJECT}`, parent: huge });
  const long = add({ id: "long@evil.example", name: ZALGO, email: "zalgo@evil.example", subject: LONG_WORD, lists: ["netdev", "linux-cxl"] });
  add({ id: "long-re@evil.example", name: "=cmd|' /C calc'!A0", email: "formula@evil.example", subject: `Re: ${ZALGO}`, parent: long, lists: ["netdev", "linux-cxl"] });
  add({ id: "long-re2@evil.example", name: "ctl\u0001\u0007\u001b[31m name", email: "ctl@evil.example", subject: "Re: control", parent: long, lists: ["netdev", "linux-cxl"] });
  for (const id of DOT_IDS) {
    const root = add({ id, name: "Dot Dotson", email: "dot@evil.example", subject: `Message-ID is ${id}`, lists: ["linux-cxl"] });
    add({ id: `a+b/c?d#e%2e${id}@evil.example`, name: "Quinn Query", email: "quinn@evil.example", subject: "Re: dots", parent: root, lists: ["linux-cxl"] });
  }
  // A long discussion: more messages than a thread page lists.
  const big = add({ id: "big0@evil.example", name: "Bea Big", email: "bea@evil.example", subject: "[RFC] a very long synthetic thread", lists: ["linux-rdma"] });
  const people = ["Bea Big", "Cy Chatty", "Di Diligent", "Ed Endless"];
  for (let i = 1; i < BIG_THREAD; i++) {
    const n = people[i % people.length];
    add({ id: `big${i}@evil.example`, name: n, email: `${n.split(" ")[0].toLowerCase()}@evil.example`, subject: "Re: [RFC] a very long synthetic thread",
      parent: i === 1 ? big : `big${Math.floor(i / 2)}@evil.example`, lists: ["linux-rdma"] });
  }
  return out;
}

function render(m: M, list: string, byId: Map<string, M>): string {
  const refs: string[] = [];
  for (let p = m.parent; p; p = byId.get(p)?.parent) refs.unshift(p);
  const headers = [
    `From ${m.email} ${new Date(m.date).toUTCString()}`,
    `From: ${word(m.name)} <${m.email}>`,
    `To: ${m.lists.map((l) => `${l}@vger.kernel.org`).join(", ")}`,
    `Subject: ${word(m.subject)}`,
    `Date: ${new Date(m.date).toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${m.id}>`,
    ...(m.parent ? [`In-Reply-To: <${m.parent}>`, `References: ${refs.map((x) => `<${x}>`).join(" ")}`] : []),
    `List-Id: <${list}.vger.kernel.org>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
  ];
  return `${headers.join("\n")}\n\nSynthetic body.\n\n`;
}

/** One mboxrd per list into dir; returns the LIST=PATH arguments for `threadgraph ingest`. */
export function writeHostileCorpus(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const msgs = hostileMessages();
  const byId = new Map(msgs.map((m) => [m.id, m]));
  return ["linux-cxl", "netdev", "linux-rdma"].map((list) => {
    const file = join(dir, `${list}.mbox`);
    writeFileSync(file, msgs.filter((m) => m.lists.includes(list)).map((m) => render(m, list, byId)).join(""));
    return `${list}=${file}`;
  });
}
