// SYNTHETIC mailing-list corpus for the browser tests (invented people and messages, no real mail):
// three list archives (mboxrd) with cross-posts, a patch series with trailers, a NAK on a cross-posted
// thread, a bot, an unanswered thread, background chatter over six months, and a hostile fixture
// (an HTML/script subject, a display name with </script>, a javascript: URL in a body).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const HOSTILE_SUBJECT = "<img src=x onerror=alert(1)>";
export const HOSTILE_NAME = "Mallory </script><script>alert(2)</script>";
export const SHOWCASE_SUBJECT = "[MAINTAINERS SUMMIT] Synthetic passthrough considered harmful?";
export const LISTS = ["linux-cxl", "netdev", "linux-rdma"] as const;
type List = (typeof LISTS)[number];

const P = {
  alice: ["Alice Anders", "alice@cxl.example.org"], bob: ["Bob Brandt", "bob@cxl.example.org"],
  carol: ["Carol Chen", "carol@net.example.org"], dave: ["Dave Dumont", "dave@net.example.org"],
  erin: ["Erin Eze", "erin@rdma.example.org"], frank: ["Frank Falk", "frank@rdma.example.org"],
  grace: ["Grace Gold", "grace@bridge.example.org"], bot: ["kernel test robot", "lkp@intel.com"],
  mallory: [HOSTILE_NAME, "mallory@evil.example.net"],
} as const;
type Who = keyof typeof P;

/** A synthetic MAINTAINERS (invented sections) for the patches' diffs below: the Subsystems page's data. */
export const SYNTHETIC_MAINTAINERS = [
  "Maintainers List", "----------------", "",
  "SYNTHETIC CXL REGIONS", "M:\tBob Brandt <bob@cxl.example.org>", "L:\tlinux-cxl@vger.kernel.org", "S:\tMaintained", "F:\tdrivers/synth-cxl/", "",
  "SYNTHETIC NET KNOBS", "M:\tDave Dumont <dave@net.example.org>", "L:\tnetdev@vger.kernel.org", "S:\tMaintained", "F:\tnet/synth/", "",
  "SYNTHETIC RDMA CORE", "M:\tErin Eze <erin@rdma.example.org>", "R:\tFrank Falk <frank@rdma.example.org>", "L:\tlinux-rdma@vger.kernel.org", "S:\tSupported", "F:\tdrivers/infiniband/synth/", "",
].join("\n");

/** Writes SYNTHETIC_MAINTAINERS into dir; returns the `threadgraph analyze` flags that use it. */
export function syntheticMaintainersFlags(dir: string): string[] {
  writeFileSync(join(dir, "MAINTAINERS"), SYNTHETIC_MAINTAINERS);
  return ["--maintainers", join(dir, "MAINTAINERS")];
}

/** A minimal git diff touching these files (the files a patch maps to subsystems by). */
const diff = (...files: string[]) => "\n---\n" + files.map((f) => `diff --git a/${f} b/${f}\n--- a/${f}\n+++ b/${f}\n@@ -1,1 +1,1 @@\n-old\n+new\n`).join("");

interface Msg { id: string; from: Who; lists: List[]; subject: string; date: number; parent?: Msg; body: string }

export function syntheticCorpus(): Msg[] {
  const msgs: Msg[] = [];
  const t0 = Date.UTC(2024, 6, 2, 9, 0);
  const H = 3_600_000;
  let n = 0;
  const add = (from: Who, lists: List[], subject: string, date: number, body: string, parent?: Msg) => {
    const m: Msg = { id: `syn${++n}.${from}@example.org`, from, lists, subject, date, parent, body };
    msgs.push(m);
    return m;
  };
  const re = (s: string) => (s.startsWith("Re: ") ? s : `Re: ${s}`);
  const reply = (from: Who, parent: Msg, hours: number, body: string, lists = parent.lists) =>
    add(from, lists, re(parent.subject), parent.date + hours * H, `${quote(parent)}\n${body}`, parent);

  // 1. A patch series on linux-cxl with reviews, an ack from a bridge person and a bot report.
  const cover = add("alice", ["linux-cxl"], "[PATCH v2 0/3] cxl: add synthetic region support", t0, "This series adds synthetic regions.\n\nSigned-off-by: Alice Anders <alice@cxl.example.org>");
  const patches = [1, 2, 3].map((i) => add("alice", ["linux-cxl"], `[PATCH v2 ${i}/3] cxl: synthetic step ${i}`, t0 + i * 60_000, `Step ${i}.\n\nSigned-off-by: Alice Anders <alice@cxl.example.org>${diff(`drivers/synth-cxl/step${i}.c`)}`, cover));
  const rb = reply("bob", cover, 20, "Looks good.\n\nReviewed-by: Bob Brandt <bob@cxl.example.org>");
  reply("grace", patches[1], 30, "Acked-by: Grace Gold <grace@bridge.example.org>");
  reply("bot", patches[0], 5, "kernel test robot noticed the following build warnings: (synthetic)");
  reply("alice", rb, 4, "Thanks Bob!");

  // 2. The showcase: a discussion cross-posted to all three lists, answered from every list.
  const sc = add("alice", ["linux-cxl", "netdev", "linux-rdma"], SHOWCASE_SUBJECT, t0 + 48 * H, "Should devices be passed through at all? (synthetic)");
  const c1 = reply("carol", sc, 3, "From the netdev side: it depends.");
  const e1 = reply("erin", sc, 5, "RDMA needs this.");
  const d1 = reply("dave", c1, 2, "Agree with Carol.");
  reply("frank", e1, 7, "Seconded.");
  reply("bob", d1, 12, "CXL view: fine.");
  reply("grace", sc, 26, "Bridging both worlds here.");
  reply("alice", e1, 30, "Good point, Erin.");

  // 3. A netdev patch cross-posted to linux-rdma: reviewed on netdev, NAKed from rdma (cross-subsystem NAK).
  const np = add("carol", ["netdev", "linux-rdma"], "[PATCH net-next] net: synthetic offload knob", t0 + 96 * H, `A knob.\n\nSigned-off-by: Carol Chen <carol@net.example.org>${diff("net/synth/knob.c", "drivers/infiniband/synth/knob.c")}`);
  reply("dave", np, 6, "Reviewed-by: Dave Dumont <dave@net.example.org>");
  reply("erin", np, 9, "NAK. This breaks the rdma core.\n\nNacked-by: Erin Eze <erin@rdma.example.org>");

  // 4. An rdma patch with a Tested-by, and 5. an unanswered RFC on netdev.
  const rp = add("erin", ["linux-rdma"], "[PATCH] RDMA/synthetic: fix a leak", t0 + 120 * H, `Fix.\n\nSigned-off-by: Erin Eze <erin@rdma.example.org>${diff("drivers/infiniband/synth/leak.c")}`);
  reply("frank", rp, 15, "Tested-by: Frank Falk <frank@rdma.example.org>");
  add("dave", ["netdev"], "[RFC] net: an unanswered synthetic question", t0 + 130 * H, "Anyone?");

  // 6. The hostile fixture: markup in the subject, a </script> display name, a javascript: URL in the body.
  const hostile = add("mallory", ["netdev", "linux-cxl"], HOSTILE_SUBJECT, t0 + 150 * H, 'Click <a href="javascript:alert(3)">here</a> or javascript:alert(3)');
  reply("carol", hostile, 2, "What is this?");
  reply("mallory", hostile, 3, "<script>alert(4)</script>");

  // 7. Background chatter so weekly charts and survival curves have a shape (deterministic).
  const cast: [Who, List][] = [["alice", "linux-cxl"], ["bob", "linux-cxl"], ["carol", "netdev"], ["dave", "netdev"], ["erin", "linux-rdma"], ["frank", "linux-rdma"], ["grace", "netdev"]];
  for (let k = 0; k < 18; k++) {
    const [who, list] = cast[k % cast.length];
    const root = add(who, [list], `[PATCH] ${list}: synthetic cleanup ${k}`, t0 + (200 + k * 100) * H, `Cleanup ${k}.\n\nSigned-off-by: ${P[who][0]} <${P[who][1]}>`);
    if (k % 5 === 4) continue; // some stay unanswered
    const [other] = cast[(k * 3 + 1) % cast.length];
    const r1 = reply(other === who ? "grace" : other, root, 1 + (k % 9) * 4, k % 3 === 0 ? `Reviewed-by: ${P[other === who ? "grace" : other][0]} <${P[other === who ? "grace" : other][1]}>` : "Comment.");
    if (k % 2 === 0) reply(who, r1, 2 + (k % 4), "Will fix in v2.");
  }
  return msgs;
}

function quote(m: Msg): string {
  return `On ${new Date(m.date).toUTCString()}, ${P[m.from][0]} wrote:\n${m.body.split("\n").map((l) => `> ${l}`).join("\n")}\n`;
}

function refs(m: Msg): string[] {
  const out: string[] = [];
  for (let p = m.parent; p; p = p.parent) out.unshift(p.id);
  return out;
}

function render(m: Msg, list: List): string {
  const [name, email] = P[m.from];
  const addr = (l: List) => `${l}@vger.kernel.org`;
  const r = refs(m);
  const headers = [
    `From ${email} ${new Date(m.date).toUTCString()}`,
    `From: "${name.replace(/"/g, "'")}" <${email}>`,
    `To: ${m.lists.map(addr).join(", ")}`,
    `Subject: ${m.subject}`,
    `Date: ${new Date(m.date).toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${m.id}>`,
    ...(m.parent ? [`In-Reply-To: <${m.parent.id}>`, `References: ${r.map((x) => `<${x}>`).join(" ")}`] : []),
    `List-Id: <${list}.vger.kernel.org>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
  ];
  const body = m.body.split("\n").map((l) => (/^>*From /.test(l) ? `>${l}` : l)).join("\n");
  return `${headers.join("\n")}\n\n${body}\n\n`;
}

/** Write one mboxrd file per list into dir; returns the LIST=PATH arguments for `threadgraph ingest`. */
export function writeSyntheticCorpus(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const msgs = syntheticCorpus();
  return LISTS.map((list) => {
    const file = join(dir, `${list}.mbox`);
    writeFileSync(file, msgs.filter((m) => m.lists.includes(list)).map((m) => render(m, list)).join(""));
    return `${list}=${file}`;
  });
}
