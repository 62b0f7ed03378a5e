// Mailing lists by address. MAINTAINERS' L: entries name about 270 lists; the tracked lists of
// the config add theirs; and a few hosts carry nothing but lists (vger.kernel.org,
// lists.linux.dev...), so any other address there is a list too. A list's short name is its
// local part ("netdev@vger.kernel.org" -> "netdev"), as lore.kernel.org names its inboxes.
import type { TrackedList } from "../model/records.ts";
import type { Section } from "./parse.ts";

/** Hosts whose every address (service mailboxes aside) is a mailing list. */
const LIST_HOSTS = new Set([
  "vger.kernel.org", "lists.linux.dev", "lists.infradead.org", "lists.ozlabs.org",
  "lists.freedesktop.org", "lists.sourceforge.net", "lists.linaro.org", "lists.osuosl.org",
  "lists.xenproject.org", "lists.linux-foundation.org",
]);
const SERVICE = /^(majordomo|postmaster|mailer-daemon|listmaster|owner-.*|.*-owner|.*-request)$/;

export type ListSource = "tracked" | "maintainers" | "host";

export interface ListInfo {
  address: string;
  name: string;
  source: ListSource;
}

function split(address: string): [string, string] {
  const at = address.lastIndexOf("@");
  return at < 0 ? [address, ""] : [address.slice(0, at), address.slice(at + 1)];
}

/** The short name of a list address: its local part, lower-cased. */
export function listShortName(address: string): string {
  return split(address.trim().toLowerCase())[0];
}

/** All L: addresses of these sections, each with how many sections list it. */
export function maintainersLists(sections: Section[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sections) for (const l of s.lists) out.set(l, (out.get(l) ?? 0) + 1);
  return out;
}

export class ListDirectory {
  private byAddress = new Map<string, ListInfo>();
  private names = new Set<string>();

  /**
   * `tracked`: the config's lists, whose names win. `maintainers`: L: addresses
   * with their section counts. Two L: addresses sharing a local part (bpf@vger.kernel.org,
   * bpf@ietf.org): the one more sections list keeps the short name, the other is named by its
   * full address; on a tie both are.
   */
  constructor(maintainers: Map<string, number> = new Map(), tracked: TrackedList[] = []) {
    for (const t of tracked) this.add({ address: t.address.trim().toLowerCase(), name: t.name, source: "tracked" });
    const byLocal = new Map<string, [string, number][]>();
    for (const [a, n] of maintainers) {
      if (this.byAddress.has(a)) continue;
      const local = listShortName(a);
      byLocal.set(local, [...(byLocal.get(local) ?? []), [a, n]]);
    }
    for (const [local, group] of byLocal) {
      group.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      const winner = !this.names.has(local) && (group.length === 1 || group[0][1] > group[1][1]) ? group[0][0] : null;
      for (const [a] of group) this.add({ address: a, name: a === winner ? local : a, source: "maintainers" });
    }
  }

  private add(info: ListInfo): void {
    this.byAddress.set(info.address, info);
    this.names.add(info.name);
  }

  /** The list behind an address (any case), or null when it is not a known list. */
  lookup(address: string): ListInfo | null {
    const a = address.trim().toLowerCase();
    const known = this.byAddress.get(a);
    if (known) return known;
    const [local, host] = split(a);
    if (!local || !LIST_HOSTS.has(host) || SERVICE.test(local)) return null;
    return { address: a, name: this.names.has(local) ? a : local, source: "host" };
  }

  isList(address: string): boolean {
    return this.lookup(address) !== null;
  }

  /** The hosts whose every address is a list (for a reader that pre-filters addresses). */
  static listHosts(): string[] {
    return [...LIST_HOSTS];
  }

  /** Every known list address (tracked and L:), not the host-only ones. */
  addresses(): string[] {
    return [...this.byAddress.keys()];
  }
}
