// Trailers and NAKs in a body, outside quoted ("> ") text. The body is scanned as latin1 so
// string indices are byte offsets; only the matched lines are re-decoded as UTF-8.
import type { Trailer, TrailerKind } from "../types.ts";
import { parseAddress } from "./addresses.ts";

const TRAILER = /^[ \t]*(reviewed|acked|tested|nacked|naked|reported|suggested|signed-off)-by:[ \t]*(.*?)[ \t\r]*$/gim;
// A free-text NAK: the line starts with NAK/NACK (optionally "Nacked." / "NAK:"), not "Nacked-by:".
const NAK = /^[ \t]*(nak|nack|nacked|naked)(?![\w-])(?![ \t]*-by)/gim;

const KIND: Record<string, TrailerKind> = {
  reviewed: "reviewed-by", acked: "acked-by", tested: "tested-by", nacked: "nacked-by", naked: "nacked-by",
  reported: "reported-by", suggested: "suggested-by", "signed-off": "signed-off-by",
};

export interface BodyScan {
  trailers: Trailer[];
  nakLine: boolean;
}

/** Scan body text (a latin1 view of the bytes, or an already decoded string with utf8=false). */
export function scanBody(text: string, raw: Buffer | null): BodyScan {
  const trailers: Trailer[] = [];
  TRAILER.lastIndex = 0;
  for (let m = TRAILER.exec(text); m; m = TRAILER.exec(text)) {
    let line = m[0].trim();
    let person = m[2];
    if (raw) {
      // re-decode this line's bytes as UTF-8 (names like "Jürgen")
      const start = m.index;
      line = raw.toString("utf8", start, start + m[0].length).trim();
      person = line.slice(line.indexOf(":") + 1).trim();
    }
    const a = parseAddress(person);
    trailers.push({ kind: KIND[m[1].toLowerCase()], name: a.name, email: a.email, raw: line });
  }
  NAK.lastIndex = 0;
  return { trailers, nakLine: NAK.test(text) };
}
