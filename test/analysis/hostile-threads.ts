// A synthetic corpus whose threads take every branch of a thread detail: a cut thread (> DETAIL_ROWS
// messages, undated messages, > DETAIL_ROWS participants), a phantom root, forwarded patches, hostile
// text (control characters, combining-mark runs, huge subjects and ids, lone surrogates), trailers,
// NAKs and a series part.
import { DETAIL_ROWS } from "../../loaders/analysis/bounded.ts";
import { corpus, msg, trailer, H, T0 } from "./fixture.ts";

export function hostileCorpus() {
  const ms = [];
  // A thread bigger than the cut, with undated replies and more participants than DETAIL_ROWS.
  ms.push(msg("big", "ann", T0, { subject: "[PATCH 0/3] big", patch: { isCover: true, index: 0, total: 3 } }));
  for (let i = 1; i <= DETAIL_ROWS + 40; i++) {
    ms.push(msg(`big.${i}`, `p${i % (DETAIL_ROWS + 20)}`, i % 7 === 0 ? null : T0 + (DETAIL_ROWS + 50 - i) * 60_000,
      { irt: i % 3 ? "big" : `big.${i - 1}`, lists: i % 2 ? ["alpha"] : ["alpha", "beta"] }));
  }
  // Hostile text and ids; a forwarded patch; a phantom root; a NAK line; a reply with a trailer.
  const zalgo = "Z" + "\u0301\u0302\u0303\u0304".repeat(50) + "algo";
  ms.push({ ...msg("h1", "ctl\u0001name", T0 + H, { subject: `tab\there\u0007 ${zalgo} ${"long ".repeat(400)}`, patch: { version: 3, index: 2, total: null } }), author: "fwd-author" });
  ms.push(msg("h2", "bob", T0 + 2 * H, { irt: "h1", subject: "lone \ud800 surrogate \udfff", lists: ["gamma", "alpha"] }));
  ms.push(msg("x".repeat(1200), "cat", T0 + 3 * H, { irt: "h2", nak: true }));
  ms.push(msg("orph", "dan", T0 + 4 * H, { irt: "gone@x", refs: ["gone@x"] }));
  ms.push(msg("orph2", "eve", null, { irt: "orph", refs: ["gone@x", "orph"] }));
  // zed sends nothing: a tag carried in the patch names a reviewer who is no participant.
  const trailers = [trailer("h2", "reviewed-by", "bob"), trailer("big.3", "acked-by", "p3"), trailer("big.4", "nacked-by", "p4"), trailer("h1", "reviewed-by", "zed")];
  return corpus(ms, trailers);
}
