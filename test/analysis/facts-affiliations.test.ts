// facts-affiliations.json over a hand-made corpus: its person indices line up with facts.json and
// facts-people.json, "too little mail" (insufficient) stays apart from "unknown", and without
// MAINTAINERS no one gets a subsystem but organisations remain. Synthetic data only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { computeAffiliations } from "../../loaders/analysis/affiliations.ts";
import type { AffiliationInput } from "../../loaders/analysis/affiliation-input.ts";
import { buildFacts, buildFactsPeople } from "../../loaders/analysis/facts.ts";
import { buildFactsAffiliations, AFF_INSUFFICIENT, AFF_UNKNOWN } from "../../loaders/analysis/facts-affiliations.ts";
import { parseMaintainers } from "../../loaders/maintainers/parse.ts";
import { corpus, msg, trailer, T0, D } from "./fixture.ts";
import { maintainersText } from "../maintainers/snippet.ts";

const M = parseMaintainers(maintainersText(
  ["WIDGET", "M:\tWendy <wendy@example.org>", "L:\twidget@vger.kernel.org", "F:\tdrivers/widget/"],
  ["GADGET", "M:\tGail <gail@example.org>", "L:\tgadget@vger.kernel.org", "F:\tdrivers/gadget/"],
));

// zed (one message, no role, no patch) is the busiest-ranked last; ann sends most, so person
// indices differ from any alphabetical or first-seen order. carl is only named in a trailer.
const patch = (id: string, t: number) => msg(id, "ann", t, { patch: { index: 1, total: 1 }, subject: `[PATCH] ${id}`, lists: ["alpha"] });
const c = corpus([
  msg("z1", "zed", T0, { lists: ["alpha"] }),
  patch("p1", T0 + D), patch("p2", T0 + 2 * D), patch("p3", T0 + 3 * D),
  msg("r1", "wendy", T0 + 4 * D, { irt: "p1" }), msg("r2", "wendy", T0 + 5 * D, { irt: "p3" }),
  msg("r3", "gail", T0 + 6 * D, { irt: "p2" }),
], [trailer("r1", "reviewed-by", "wendy"), trailer("r3", "acked-by", "gail"), trailer("r2", "reviewed-by", "carl")]);

const input = (): AffiliationInput => ({
  addressed: new Map(),
  files: new Map([["p1", ["drivers/widget/a.c"]], ["p2", ["drivers/gadget/b.c"]], ["p3", ["drivers/widget/c.c"]]]),
  unparsed: new Set(),
  personOfEmail: new Map(["ann", "gail", "wendy", "zed", "carl"].map((p) => [`${p}@example.org`, p])),
  observations: new Map([
    ["ann", [{ email: "ann@intel.com", firstSeen: T0 - 100 * D, lastSeen: T0 + 10 * D }]],
    ["gail", [{ email: "gail@intel.com", firstSeen: T0 - 100 * D, lastSeen: T0 + 10 * D }]],
    ["wendy", [{ email: "wendy@amd.com", firstSeen: T0 - 100 * D, lastSeen: T0 + 10 * D }]],
  ]),
});

/** Person id -> [home subsystem label or verdict, organisation label or null], read back through the artifact. */
function decoded(a: ReturnType<typeof analyzeCorpus>, art: ReturnType<typeof buildFactsAffiliations>) {
  const ids = buildFactsPeople(a).id;
  const sub = (k: number) => (k === AFF_INSUFFICIENT ? "insufficient" : k === AFF_UNKNOWN ? "unknown" : art.subsystems[k]);
  return new Map(ids.map((id, i) => [id, [sub(art.subsystem[i]), art.organisation[i] === AFF_UNKNOWN ? null : art.organisations[art.organisation[i]]]]));
}

test("facts-affiliations: one entry per fact-table person, aligned with facts-people; insufficient apart from unknown", () => {
  const a = analyzeCorpus(c);
  const r = computeAffiliations(a, input(), { maintainers: M, tracked: [{ name: "alpha", address: "alpha@vger.kernel.org" }] });
  const art = buildFactsAffiliations(a, r, "add one");
  const facts = buildFacts(a);
  assert.equal(art.subsystem.length, facts.people.n);
  assert.equal(art.organisation.length, facts.people.n);
  assert.equal(buildFactsPeople(a).id[0], "ann", "the busiest sender is index 0 (so the order is not the corpus order)");
  const d = decoded(a, art);
  assert.deepEqual(d.get("wendy"), ["WIDGET", "AMD"]);
  assert.deepEqual(d.get("gail"), ["GADGET", "Intel"]);
  assert.deepEqual(d.get("ann"), ["WIDGET", "Intel"]); // own patches: two WIDGET, one GADGET
  assert.deepEqual(d.get("zed"), ["insufficient", null], "one message, no role: too little mail, not a bucket");
  assert.deepEqual(d.get("carl"), ["unknown", null], "named only in a trailer: no verdict at all");
  // every person agrees with the affiliation result, whatever their index
  for (const h of r.homes) if (d.has(h.personId)) assert.deepEqual(d.get(h.personId), [h.homeSubsystem ?? "unknown", h.organisation], h.personId);
  assert.equal(art.status, "ok");
  assert.equal(art.hint, null);
  assert.ok(!art.subsystems.includes("insufficient"), "the verdict is not a label");
});

test("facts-affiliations without MAINTAINERS: subsystems unknown (with the hint), organisations kept; without a store: all unknown", () => {
  const a = analyzeCorpus(c);
  const r = computeAffiliations(a, input(), { maintainers: null, tracked: [] });
  const art = buildFactsAffiliations(a, r, "add one");
  assert.equal(art.status, "no-maintainers");
  assert.equal(art.hint, "add one");
  assert.deepEqual(art.subsystems, []);
  assert.ok(art.subsystem.every((k) => k === AFF_UNKNOWN));
  assert.deepEqual(decoded(a, art).get("ann"), ["unknown", "Intel"]);
  const none = buildFactsAffiliations(a, null, "add one");
  assert.equal(none.status, "no-data");
  assert.equal(none.subsystem.length, buildFacts(a).people.n);
  assert.ok([...none.subsystem, ...none.organisation].every((k) => k === AFF_UNKNOWN));
});
