import { test } from "node:test";
import assert from "node:assert/strict";
import { parseMaintainers } from "../../loaders/maintainers/parse.ts";
import { ListDirectory, listShortName, maintainersLists } from "../../loaders/maintainers/lists.ts";
import { maintainersText } from "./snippet.ts";

test("short names are the local part", () => {
  assert.equal(listShortName("netdev@vger.kernel.org"), "netdev");
  assert.equal(listShortName("Linux-Media@vger.kernel.org"), "linux-media");
  assert.equal(listShortName("ksummit@lists.linux.dev"), "ksummit");
});

test("every L: address is a list, named by its local part unless another list shares it", () => {
  const m = parseMaintainers(maintainersText(
    ["A", "L:\tbpf@vger.kernel.org", "L:\tlinux-media@vger.kernel.org"],
    ["B", "L:\tbpf@vger.kernel.org", "L:\tkernel@one.example"],
    ["C", "L:\tbpf@ietf.example (standards)", "L:\tkernel@two.example", "L:\tsolo@lists.example.com"],
  ));
  const counts = maintainersLists(m.sections);
  assert.equal(counts.get("bpf@vger.kernel.org"), 2);
  const d = new ListDirectory(counts);
  assert.equal(d.lookup("bpf@vger.kernel.org")?.name, "bpf");
  assert.equal(d.lookup("BPF@ietf.example")?.name, "bpf@ietf.example");
  assert.equal(d.lookup("kernel@one.example")?.name, "kernel@one.example"); // a tie: both keep full addresses
  assert.equal(d.lookup("kernel@two.example")?.name, "kernel@two.example");
  assert.deepEqual(d.lookup("solo@lists.example.com"), { address: "solo@lists.example.com", name: "solo", source: "maintainers" });
  assert.equal(d.isList("someone@example.com"), false);
  assert.equal(d.addresses().length, 6);
});

test("tracked lists keep their configured names, over MAINTAINERS and list hosts", () => {
  const d = new ListDirectory(new Map([["ksummit@lists.linux.dev", 1], ["ksummit@other.example", 3]]),
    [{ name: "ks", address: "KSummit@lists.linux.dev" }, { name: "netdev", address: "netdev@vger.kernel.org" }]);
  assert.deepEqual(d.lookup("ksummit@lists.linux.dev"), { address: "ksummit@lists.linux.dev", name: "ks", source: "tracked" });
  assert.equal(d.lookup("ksummit@other.example")?.name, "ksummit");
  assert.equal(d.lookup("netdev@vger.kernel.org")?.source, "tracked");
});

test("any address at a list-only host is a list (untracked lists are recognised too); service mailboxes are not", () => {
  const d = new ListDirectory(new Map([["linux-i2c@vger.kernel.org", 1]]));
  assert.deepEqual(d.lookup("linux-new@vger.kernel.org"), { address: "linux-new@vger.kernel.org", name: "linux-new", source: "host" });
  assert.equal(d.lookup("imx@lists.linux.dev")?.name, "imx");
  assert.equal(d.lookup("majordomo@vger.kernel.org"), null);
  assert.equal(d.lookup("linux-i2c-owner@vger.kernel.org"), null);
  assert.equal(d.lookup("person@kernel.org"), null);
  // a host list whose local part another list already uses is named by its address
  assert.equal(new ListDirectory(new Map([["i2c@example.org", 1]])).lookup("i2c@vger.kernel.org")?.name, "i2c@vger.kernel.org");
});
