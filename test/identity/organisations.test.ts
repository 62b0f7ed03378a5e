import { test } from "node:test";
import assert from "node:assert/strict";
import { ORG_TABLE_VERSION, organisationOf, organisationOfDomain, organisationPeriods, organisationTable,
  type AddressObservation } from "../../loaders/identity/organisations.ts";
import { isNeutralDomain } from "../../loaders/identity/domains.ts";

test("the table: the companies active on these lists, by every domain they post from", () => {
  const cases: [string, string][] = [
    ["intel.com", "Intel"], ["linux.intel.com", "Intel"], ["nvidia.com", "NVIDIA"], ["mellanox.com", "NVIDIA"],
    ["huawei.com", "Huawei"], ["amd.com", "AMD"], ["xilinx.com", "AMD"], ["redhat.com", "Red Hat"],
    ["suse.com", "SUSE"], ["suse.de", "SUSE"], ["suse.cz", "SUSE"], ["google.com", "Google"], ["meta.com", "Meta"],
    ["fb.com", "Meta"], ["microsoft.com", "Microsoft"], ["linux.microsoft.com", "Microsoft"], ["oracle.com", "Oracle"],
    ["ibm.com", "IBM"], ["linux.ibm.com", "IBM"], ["broadcom.com", "Broadcom"], ["marvell.com", "Marvell"],
    ["qualcomm.com", "Qualcomm"], ["quicinc.com", "Qualcomm"], ["arm.com", "Arm"], ["samsung.com", "Samsung"],
    ["linux.alibaba.com", "Alibaba"], ["alibaba-inc.com", "Alibaba"], ["bytedance.com", "ByteDance"],
    ["tencent.com", "Tencent"], ["linaro.org", "Linaro"], ["collabora.com", "Collabora"], ["bootlin.com", "Bootlin"],
    ["pengutronix.de", "Pengutronix"], ["cisco.com", "Cisco"], ["amazon.com", "Amazon"], ["amazon.de", "Amazon"],
  ];
  for (const [d, org] of cases) assert.equal(organisationOfDomain(d), org, d);
  assert.equal(organisationOf("Jane.Doe@Intel.COM"), "Intel");
  assert.match(ORG_TABLE_VERSION, /^\d{4}-\d{2}-\d{2}\.\d+$/);
  assert.ok(organisationTable().length >= 60);
});

test("the table is consistent: lower-case domains, each in one organisation, none of them neutral", () => {
  const seen = new Map<string, string>();
  for (const e of organisationTable()) {
    for (const d of e.domains) {
      assert.equal(d, d.toLowerCase());
      assert.ok(!seen.has(d), `${d} in ${seen.get(d)} and ${e.organisation}`);
      assert.ok(!isNeutralDomain(d), `${d} is neutral`);
      seen.set(d, e.organisation);
    }
  }
});

test("subdomains map through their parent only where the table says so", () => {
  assert.equal(organisationOfDomain("zurich.ibm.com"), "IBM");
  assert.equal(organisationOfDomain("oss.nxp.com"), "NXP");
  assert.equal(organisationOfDomain("ew.tq-group.com"), "TQ-Systems");
  assert.equal(organisationOfDomain("mail.intel.com."), "Intel");
  assert.equal(organisationOfDomain("lists.linaro.org"), null); // Linaro's entry covers linaro.org only
  // look-alikes are not the company
  assert.equal(organisationOfDomain("notintel.com"), null);
  assert.equal(organisationOfDomain("intel.com.example.net"), null);
  assert.equal(organisationOf("no-at-sign"), null);
});

test("neutral, vanity and unknown domains give no organisation", () => {
  for (const e of ["dev@gmail.com", "maint@kernel.org", "x@linux.dev", "hch@infradead.org", "a@vger.kernel.org",
    "someone@yahoo.co.uk", "toke@toke.dk", "jic23@jic23.retrosnub.co.uk", "me@unknown-startup.example"]) {
    assert.equal(organisationOf(e), null, e);
  }
});

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
const endOf = (s: string) => day(s) + 86_400_000 - 1; // "until" is inclusive, to the millisecond
const obs = (email: string, first: string, last: string): AddressObservation => ({ email, firstSeen: day(first), lastSeen: day(last) });
const brief = (ps: ReturnType<typeof organisationPeriods>) =>
  ps.map((p) => [p.organisation, new Date(p.from).toISOString().slice(0, 10), new Date(p.until).toISOString().slice(0, 10), p.evidence]);

test("mellanox.com then nvidia.com: one person, two periods: Mellanox until the acquisition, NVIDIA after", () => {
  const ps = organisationPeriods([obs("a@mellanox.com", "2019-01-01", "2020-06-30"), obs("a@nvidia.com", "2020-07-01", "2024-12-31")]);
  assert.deepEqual(brief(ps), [["Mellanox", "2019-01-01", "2020-04-26", ["address:a@mellanox.com"]],
    ["NVIDIA", "2020-04-27", "2024-12-31", ["address:a@mellanox.com", "address:a@nvidia.com"]]]);
  // undated lookups give the owner; dated ones the company of that day
  assert.equal(organisationOf("a@mellanox.com"), "NVIDIA");
  assert.equal(organisationOf("a@mellanox.com", Date.parse("2019-05-01")), "Mellanox");
  assert.equal(organisationOf("a@mellanox.com", Date.parse("2024-05-01")), "NVIDIA");
});

test("intel.com then amd.com: two periods; where they overlap the newer one wins", () => {
  const ps = organisationPeriods([obs("b@amd.com", "2024-04-01", "2024-12-31"), obs("b@intel.com", "2020-01-01", "2024-06-30")]);
  assert.deepEqual(brief(ps), [
    ["Intel", "2020-01-01", "2024-03-31", ["address:b@intel.com"]],
    ["AMD", "2024-04-01", "2024-12-31", ["address:b@amd.com"]],
  ]);
  assert.equal(ps[0].until + 1, ps[1].from);
});

test("a stretch with only neutral mail is bridged by the same organisation, but not across another one", () => {
  const same = organisationPeriods([obs("c@intel.com", "2020-01-01", "2020-02-01"), obs("c@gmail.com", "2020-03-01", "2020-04-01"),
    obs("c@linux.intel.com", "2020-05-01", "2020-06-01")]);
  assert.deepEqual(brief(same), [["Intel", "2020-01-01", "2020-06-01", ["address:c@intel.com", "address:c@linux.intel.com"]]]);
  const moved = organisationPeriods([obs("c@intel.com", "2020-01-01", "2020-02-01"), obs("c@amd.com", "2020-03-01", "2020-03-01"),
    obs("c2@intel.com", "2020-05-01", "2020-06-01")]);
  assert.deepEqual(moved.map((p) => p.organisation), ["Intel", "AMD", "Intel"]);
  assert.deepEqual(organisationPeriods([obs("d@gmail.com", "2020-01-01", "2021-01-01")]), []);
  assert.deepEqual(organisationPeriods([]), []);
});

test("overrides win within their range; open ends run to the person's first or last message", () => {
  const o = [obs("e@amd.com", "2024-01-01", "2024-12-31")];
  const ps = organisationPeriods(o, [{ organisation: "Intel", from: day("2024-04-01"), until: endOf("2024-06-30") }]);
  assert.deepEqual(brief(ps), [
    ["AMD", "2024-01-01", "2024-03-31", ["address:e@amd.com"]],
    ["Intel", "2024-04-01", "2024-06-30", ["override"]],
    ["AMD", "2024-07-01", "2024-12-31", ["address:e@amd.com"]],
  ]);
  // an open-ended override covers the whole of the person's mail, neutral addresses included
  const open = organisationPeriods([obs("f@gmail.com", "2023-01-01", "2023-12-31")], [{ organisation: "Consultancy" }]);
  assert.deepEqual(brief(open), [["Consultancy", "2023-01-01", "2023-12-31", ["override"]]]);
  // organisation null: no organisation in that range, and the stretches on either side stay apart
  const none = organisationPeriods(o, [{ organisation: null, from: day("2024-05-01"), until: endOf("2024-05-31") }]);
  assert.deepEqual(brief(none).map((p) => p.slice(0, 3)), [["AMD", "2024-01-01", "2024-04-30"], ["AMD", "2024-06-01", "2024-12-31"]]);
  // of two overlapping overrides the later one wins
  const two = organisationPeriods(o, [{ organisation: "X" }, { organisation: "Y", from: day("2024-06-01") }]);
  assert.deepEqual(brief(two).map((p) => p.slice(0, 3)), [["X", "2024-01-01", "2024-05-31"], ["Y", "2024-06-01", "2024-12-31"]]);
});

test("bad dates are skipped and reversed ranges read forwards", () => {
  const ps = organisationPeriods([{ email: "g@intel.com", firstSeen: NaN, lastSeen: day("2024-01-01") }, obs("g@redhat.com", "2024-02-01", "2024-01-01")]);
  assert.deepEqual(brief(ps), [["Red Hat", "2024-01-01", "2024-02-01", ["address:g@redhat.com"]]]);
});
