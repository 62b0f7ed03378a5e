// The wrong-list rule of http search slices (sources/lore/slice-list.ts): a slice whose mail
// mostly names one other list, and this list far less, is refused; real slices (aliases, other
// hosts, Bcc'd mail, cross-posts, mail naming no list) are accepted.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkSliceList, listKey, ownKeys } from "../../loaders/sources/lore/slice-list.ts";
import { messageLists } from "../../loaders/sync/message-lists.ts";

function mail(i: number, headers: string[]): Buffer {
  return Buffer.from([`From: Dev ${i} <dev${i}@example.org>`, ...headers, `Subject: m ${i}`,
    "Date: Mon, 1 Jul 2024 12:00:00 +0000", `Message-ID: <m${i}@example.org>`, "", "body", ""].join("\n"));
}
const many = (n: number, h: (i: number) => string[]) => Array.from({ length: n }, (_, i) => mail(i, h(i)));
const cxl = ownKeys({ name: "linux-cxl", address: "linux-cxl@vger.kernel.org", inbox: "https://lore.kernel.org/linux-cxl/" });
const check = (msgs: Buffer[], owns = cxl) => checkSliceList(msgs, messageLists, owns, "http://x/linux-cxl/?q=d:20240701..20240707&x=m", "2024-07-01..2024-07-08");

test("list keys: an address and a List-Id reduce to the same key", () => {
  assert.equal(listKey("netdev@vger.kernel.org"), "netdev.vger.kernel.org");
  assert.equal(listKey("<netdev.vger.kernel.org>"), "netdev.vger.kernel.org");
  assert.equal(listKey("Networking list <Netdev.Vger.Kernel.Org>"), "netdev.vger.kernel.org");
});

test("another list's slice is refused, naming the other list", () => {
  assert.throws(() => check(many(20, () => ["To: netdev@vger.kernel.org"])), /another list's mail: 20 of 20 messages .* name netdev\.vger\.kernel\.org, only 0 name this list/);
  // known only by its List-Id / X-Mailing-List (To: a person)
  assert.throws(() => check(many(10, () => ["To: Maintainer <m@example.org>", "List-Id: <netdev.vger.kernel.org>"])), /another list's mail/);
  assert.throws(() => check(many(10, () => ["To: m@example.org", "X-Mailing-List: netdev@vger.kernel.org"])), /another list's mail/);
  // a few cross-posts to this list among another list's mail do not make it this list's slice
  assert.throws(() => check(many(40, (i) => ["To: netdev@vger.kernel.org", ...(i % 10 === 0 ? ["Cc: linux-cxl@vger.kernel.org"] : [])])), /only 4 name this list/);
  // three messages of another list are enough to judge (MIN_EVIDENCE)
  assert.throws(() => check(many(3, () => ["To: linux-rdma@vger.kernel.org"])), /3 of 3 messages .* name linux-rdma\.vger\.kernel\.org/);
});

test("real slices are accepted: aliases, other hosts, Bcc'd mail, cross-posts, no list at all", () => {
  check(many(20, () => ["To: linux-cxl@vger.kernel.org"]));
  check(many(20, () => ["To: a@example.org", "Cc: LINUX-CXL@VGER.KERNEL.ORG"])); // case
  check(many(20, () => ["To: linux-cxl@lists.linux.dev"])); // the same list name on another host
  check(many(20, () => ["To: m@example.org", "List-Id: CXL list <linux-cxl.vger.kernel.org>"])); // Bcc'd, delivered by the list
  // mostly cross-posted to a bigger list, as most CXL patches are to linux-kernel
  check(many(20, () => ["To: linux-kernel@vger.kernel.org", "Cc: linux-cxl@vger.kernel.org"]));
  // a third of the slice Bcc'd (naming only linux-kernel): this list is still named by half as many
  check(many(30, (i) => ["To: linux-kernel@vger.kernel.org", ...(i % 3 ? ["Cc: linux-cxl@vger.kernel.org"] : [])]));
  // mail naming no list at all (an imported archive) says nothing
  check(many(20, () => []));
  // most mail to different people, no one address named by most
  check(many(20, (i) => [`To: person${i}@example.org`]));
  check([]);
  // a quiet day of fewer than three messages, Bcc'd to this list: too little to judge, accepted
  check([mail(1, ["To: m@example.org", "Cc: linux-kernel@vger.kernel.org"])]);
  check(many(2, () => ["To: linux-rdma@vger.kernel.org"]));
});

test("a list known by an old address: the name prefix, the inbox name and configured aliases", () => {
  const ks = ownKeys({ name: "ksummit", address: "ksummit@lists.linux.dev" });
  check(many(10, () => ["To: ksummit-discuss@lists.linuxfoundation.org"]), ks);
  const nvdimm = ownKeys({ name: "nvdimm", address: "nvdimm@lists.linux.dev" });
  check(many(10, () => ["To: linux-nvdimm@lists.01.org"]), nvdimm); // the list before its move
  check(many(10, () => ["To: nvdimm@lists.linux.dev"]), ownKeys({ name: "linux-nvdimm", address: "linux-nvdimm@lists.01.org" }));
  assert.throws(() => check(many(10, () => ["To: linux-acpi@vger.kernel.org"]), nvdimm), /another list's mail/);
  const net = ownKeys({ name: "net", address: "net@example.org", inbox: "https://lore.kernel.org/netdev/" });
  check(many(10, () => ["To: netdev@vger.kernel.org"]), net);
  const old = ownKeys({ name: "zoo", address: "zoo@lists.example.org" });
  assert.throws(() => check(many(10, () => ["To: animals@oldhost.example.org"]), old), /another list's mail/);
  check(many(10, () => ["To: animals@oldhost.example.org"]), ownKeys({ name: "zoo", address: "zoo@lists.example.org", aliases: ["animals@oldhost.example.org"] }));
  check(many(10, () => ["To: animals@oldhost.example.org"]), ownKeys({ name: "zoo", address: "zoo@lists.example.org", aliases: ["animals"] }));
  // a name is a whole local part (or one followed by '-'), not any prefix
  assert.throws(() => check(many(10, () => ["To: ksummitx@lists.linux.dev"]), ks), /another list's mail/);
  // the '-' suffix only after the name as configured: linux-kernel does not own kernel-janitors
  assert.throws(() => check(many(10, () => ["To: kernel-janitors@vger.kernel.org"]), ownKeys({ name: "linux-kernel", address: "linux-kernel@vger.kernel.org" })), /another list's mail/);
});
