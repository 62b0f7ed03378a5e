// Senders rewritten by relays: "Name via B4 Relay <devnull+...@kernel.org>" and DMARC-munged
// "Name via listname <list@...>". The real sender comes from X-Original-From, then a single
// Reply-To, then the body's first "From:" line (which b4 and git send-email put there).
import type { Address } from "../model/records.ts";
import { parseAddress, parseAddressList } from "./addresses.ts";
import { inBodyFrom } from "./in-body.ts";
import { hasVia, withoutVia } from "./linear-text.ts";

export function isRelaySender(from: Address): boolean {
  if (from.email.startsWith("devnull+") && from.email.endsWith("@kernel.org")) return true;
  return hasVia(from.name);
}

/** The real sender, or null when nothing better than `from` is known. */
export function recoverSender(
  from: Address, xOriginalFrom: string | undefined, replyTo: string | undefined, bodyHead: string,
): Address | null {
  const cands: Address[] = [];
  if (xOriginalFrom) cands.push(parseAddress(xOriginalFrom));
  const rt = parseAddressList(replyTo);
  if (rt.length === 1) cands.push(rt[0]);
  const bf = inBodyFrom(bodyHead);
  if (bf) cands.push(bf);
  for (const c of cands) {
    if (c.email && c.email !== from.email && !/^devnull\+/.test(c.email)) {
      return { name: c.name || withoutVia(from.name), email: c.email };
    }
  }
  return null;
}
