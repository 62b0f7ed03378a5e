// What a raw message names as its lists, for the http source's wrong-list check
// (sources/lore/slice-list.ts): its To and Cc addresses, List-Id and X-Mailing-List values.
import { parseHeaders } from "../parse/headers.ts";
import { parseAddressList } from "../parse/addresses.ts";

export function messageLists(bytes: Buffer): string[] {
  const h = parseHeaders(bytes);
  const out: string[] = [];
  for (const f of ["to", "cc", "x-mailing-list"]) for (const v of h.fields.get(f) ?? []) for (const a of parseAddressList(v)) if (a.email) out.push(a.email);
  for (const v of h.fields.get("list-id") ?? []) out.push(v);
  return out;
}
