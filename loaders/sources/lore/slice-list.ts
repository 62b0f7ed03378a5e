// Refuses a search slice answered with ANOTHER list's mail (a proxy or cache keyed without the
// path, a mistyped inbox that still answers): stored, it would tag that mail with this list and
// mark the days fetched, so this list's own mail of those days would never be fetched.
//
// Not every message of a real slice names the list (Bcc'd mail, aliases, a lists.linux.dev list
// reached through an old address), so one message is never judged alone: a slice is another
// list's when one other list is named by more than half of its messages, and by at least
// MIN_EVIDENCE of them, and this list by less than half as many. A quiet day of a few Bcc'd
// messages is too little to judge (refusing it would fail every later sync), so it is accepted.
// Checked against the ksummit and xdp-newbies archives (every day-slice accepted) and the 2024-h2
// exports (docs/sync.md).

/** What a list is known as: its name, address, inbox and configured aliases. */
export interface ListIdentity {
  name: string;
  address?: string;
  inbox?: string;
  /** Other addresses (old-list@lists.example.org) or names the list's mail is addressed to. */
  aliases?: string[];
}

/**
 * The dotted form an address and a List-Id share: "netdev@vger.kernel.org",
 * "<netdev.vger.kernel.org>" and "Netdev list <netdev.vger.kernel.org>" are all netdev.vger.kernel.org.
 */
export function listKey(v: string): string {
  let s = v.trim().toLowerCase();
  const angle = /<([^<>]*)>/.exec(s);
  if (angle) s = angle[1].trim();
  return s.replace(/^mailto:/, "").replace("@", ".").replace(/\.+$/, "");
}

/** The last path segment of an inbox URL: https://lore.kernel.org/netdev/ is netdev. */
function inboxName(inbox: string | undefined): string | null {
  if (!inbox) return null;
  try {
    const parts = new URL(inbox).pathname.split("/").filter(Boolean);
    return parts.length ? decodeURIComponent(parts[parts.length - 1]).toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Whether a key names this list: its address or an alias exactly, or its name (or inbox name, or
 * an alias without '@') as the local part at any host, with or without a "linux-" prefix, also
 * with a suffix after '-': linux-cxl@vger.kernel.org and linux-cxl@lists.linux.dev,
 * ksummit@lists.linux.dev and ksummit-discuss@lists.linuxfoundation.org, nvdimm@lists.linux.dev
 * and linux-nvdimm@lists.01.org.
 */
/** A slice is judged only when at least this many of its messages name one other list. */
export const MIN_EVIDENCE = 3;

export function ownKeys(l: ListIdentity): (key: string) => boolean {
  const exact = new Set<string>();
  const names = new Set<string>();
  for (const a of [l.address, ...(l.aliases ?? [])]) {
    if (!a) continue;
    const at = a.includes("@") ? a.replace(/^[^<]*</, "").split("@")[0].trim().toLowerCase() : null;
    if (at !== null) {
      exact.add(listKey(a));
      names.add(at); // the local part, at any host
    } else names.add(a.trim().toLowerCase());
  }
  names.add(l.name.toLowerCase());
  const ib = inboxName(l.inbox);
  if (ib) names.add(ib);
  // A '-' suffix (ksummit-discuss for ksummit) only after a name as configured: "kernel", the
  // unprefixed form of linux-kernel, must not own kernel-janitors.
  const dashOk = new Set(names);
  // The kernel's "linux-" prefix comes and goes across moves (linux-nvdimm@lists.01.org became
  // nvdimm@lists.linux.dev): either form names the list.
  for (const n of [...names]) names.add(n.startsWith("linux-") ? n.slice(6) : `linux-${n}`);
  names.delete("");
  return (k) => {
    if (exact.has(k)) return true;
    for (const n of names) if (k.startsWith(n) && (k[n.length] === "." || (k[n.length] === "-" && dashOk.has(n)))) return true;
    return false;
  };
}

/**
 * Throws when the slice is another list's (see above). `listsOf` gives what a message names as
 * its lists: To, Cc, List-Id and X-Mailing-List values (parse/ sits above sources/).
 */
export function checkSliceList(msgs: Buffer[], listsOf: (b: Buffer) => string[], owns: (key: string) => boolean, url: string, label: string): void {
  if (!msgs.length) return;
  let ours = 0;
  const others = new Map<string, number>();
  for (const m of msgs) {
    const keys = new Set(listsOf(m).map(listKey).filter((k) => k.includes(".")));
    let mine = false;
    for (const k of keys) {
      if (owns(k)) mine = true;
      else others.set(k, (others.get(k) ?? 0) + 1);
    }
    if (mine) ours++;
  }
  let top = "", n = 0;
  for (const [k, c] of others) if (c > n) [top, n] = [k, c];
  if (n >= MIN_EVIDENCE && n * 2 > msgs.length && ours * 2 < n) {
    throw new Error(`${url}: the server answered with another list's mail: ${n} of ${msgs.length} messages in ${label} name ${top}, ` +
      `only ${ours} name this list; nothing from this slice was stored and it stays unfetched ` +
      "(is the inbox URL right? if the list's mail is addressed to another address, add it to the list's aliases in threadgraph.config.ts)");
  }
}
