// What verdict scanning (loaders/parse/verdicts.ts) adds to parsing, on ../shared/corpus/2024-h2,
// as a ratio against parseMessage measured in this same run: the whole parse (which includes the
// verdict step) versus the verdict step alone on the same messages: decoding the replies whose
// body has a candidate line and running the rules on them. The candidate test itself is a few
// byte compares per line inside the trailer scan (scanBodyBytes), timed here with that scan.
// Best of 3 after a warm-up.
// Run: npm run bench -- verdicts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseMessage } from "../loaders/parse/index.ts";
import { scanVerdicts } from "../loaders/parse/verdicts.ts";
import { scanBodyBytes } from "../loaders/parse/trailers.ts";
import { SHARED } from "../test/helpers/shared.ts";
import { bestOf } from "./timing.ts";

const CORPUS = join(SHARED, "corpus/2024-h2");
if (!existsSync(CORPUS)) {
  console.log(`skipped: ../shared corpus absent (${CORPUS})`);
  process.exit(0);
}

const SEP = Buffer.from("\nFrom mboxrd@z ");
const messages: Buffer[] = [];
for (const l of ["linux-cxl", "netdev", "linux-rdma"]) {
  const b = gunzipSync(readFileSync(join(CORPUS, `${l}.mbox.gz`)));
  for (let s = 0; s < b.length;) {
    let e = b.indexOf(SEP, s);
    if (e < 0) e = b.length;
    messages.push(b.subarray(b.indexOf(0x0a, s) + 1, e + 1));
    s = e + 1;
  }
}
const ctx = { trackedLists: [] };
const parsed = messages.map((m) => parseMessage(m, ctx));
// the verdict step's inputs, as parseMessage has them (plain bodies; the few MIME ones are close enough)
const inputs = parsed.map((p, i) => ({ body: messages[i].subarray(messages[i].indexOf("\n\n") + 2), from: p.from, reply: p.isReply }));
const candidates = inputs.filter((x) => x.reply && (scanBodyBytes(x.body).verdictLine || x.from.email.startsWith("patchwork-bot+")));

const best = (run: () => void) => bestOf(run, 3, 1);

const all = best(() => { for (const m of messages) parseMessage(m, ctx); });
let found = 0;
const step = best(() => {
  found = 0;
  for (const x of candidates) found += scanVerdicts(x.body.toString("utf8"), x.from, true).length;
});
const bodyScan = best(() => { for (const x of inputs) scanBodyBytes(x.body); });
console.log(`${messages.length} messages, ${candidates.length} candidate replies, ${found} verdicts`);
console.log(`parseMessage (incl. verdicts): ${all.toFixed(0)} ms; verdict step alone: ${step.toFixed(0)} ms; ` +
  `trailer+candidate line scan: ${bodyScan.toFixed(0)} ms`);
console.log(`verdict step share of parse: ${((100 * step) / all).toFixed(1)} %; parse with / without verdicts: ${(all / (all - step)).toFixed(3)}x`);
