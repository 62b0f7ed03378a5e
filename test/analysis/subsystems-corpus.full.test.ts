// End to end on real data (skipped when ../shared is absent): the 2024-h2 linux-cxl and
// linux-rdma archives (plus Laurent Pinchart's netdev mail, extracted at test time into a temp
// file, never committed) ingested and analysed with ../shared/maintainers/MAINTAINERS:
// - patches whose diff touches drivers/cxl/ (drivers/infiniband/) are in message_subsystems
//   under COMPUTE EXPRESS LINK (CXL) (INFINIBAND SUBSYSTEM) for >= 99% of them, "touches" and the
//   Message-IDs counted independently from the raw mbox text;
// - the sections' M: people who posted hold the maintainer role;
// - Laurent Pinchart (linux-media; his mail here is one thread cross-posted to four lists and two
//   netdev messages) does not get netdev as his home list, and gets a media section (not netdev's);
// - home subsystems: Dan Williams -> CXL (not DAX, which shares linux-cxl), Jason Gunthorpe and Leon
//   Romanovsky -> INFINIBAND SUBSYSTEM, Jakub Kicinski -> a NETWORKING section, each an M: section of theirs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mboxSource } from "../../loaders/sources/mbox.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { refreshAnalysis } from "../../loaders/pipeline/refresh.ts";
import { openStore } from "../../loaders/store/store.ts";
import { SHARED } from "../helpers/shared.ts";
import { tempDir } from "../store/helpers.ts";

const MAINT = join(SHARED, "maintainers/MAINTAINERS");
const corpus = (l: string) => join(SHARED, `corpus/2024-h2/${l}.mbox.gz`);
const CASES = [
  { list: "linux-cxl", dir: "drivers/cxl/", section: "COMPUTE EXPRESS LINK (CXL)" },
  { list: "linux-rdma", dir: "drivers/infiniband/", section: "INFINIBAND SUBSYSTEM" },
];

/** Message-ID and From of a raw message, by plain header lines (independent of loaders/parse). */
function header(text: string, name: string): string {
  const head = text.slice(0, text.indexOf("\n\n"));
  const m = new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\n[ \\t].*)*)`, "im").exec(head);
  return m ? m[1].replace(/\s+/g, " ").trim() : "";
}

test("2024-h2 cxl+rdma with MAINTAINERS: patch subsystems, maintainers' roles, a media maintainer's home", { timeout: 240_000 }, async (t) => {
  if (!existsSync(MAINT) || !CASES.every((c) => existsSync(corpus(c.list))) || !existsSync(corpus("netdev"))) {
    t.skip(`${SHARED}/maintainers or corpus/2024-h2 absent: real-corpus subsystem test skipped`);
    return;
  }
  const tmp = tempDir();
  try {
    // Independent counts: patches (not replies) whose raw text has a diff header for the directory.
    const expected = new Map<string, Set<string>>();
    for (const c of CASES) {
      const ids = new Set<string>();
      const heads = ["diff --git a/", "--- a/", "+++ b/"].map((h) => h + c.dir);
      for await (const item of mboxSource(corpus(c.list)).read()) {
        if (item.kind !== "message") continue;
        const text = item.bytes.toString("utf8");
        const subject = header(text, "Subject");
        if (!/\[[^\]]*PATCH/i.test(subject) || /^\s*re:/i.test(subject)) continue;
        if (!text.split("\n").some((l) => heads.some((h) => l.startsWith(h)))) continue;
        ids.add(header(text, "Message-ID").replace(/^<|>$/g, ""));
      }
      assert.ok(ids.size >= 100, `only ${ids.size} patches touch ${c.dir}`);
      expected.set(c.section, ids);
    }
    // From netdev: Laurent Pinchart's mail, and Jakub Kicinski's with the messages he answered
    // (the whole of netdev would slow the suite).
    const parentsOf = new Set<string>();
    for await (const item of mboxSource(corpus("netdev")).read()) {
      if (item.kind !== "message") continue;
      const text = item.bytes.toString("utf8");
      if (/kicinski/i.test(header(text, "From"))) parentsOf.add(header(text, "In-Reply-To").replace(/^<|>.*$/g, ""));
    }
    const picked: string[] = [];
    let laurent = 0;
    for await (const item of mboxSource(corpus("netdev")).read()) {
      if (item.kind !== "message") continue;
      const text = item.bytes.toString("utf8");
      const from = header(text, "From");
      if (/pinchart/i.test(from)) laurent++;
      if (/pinchart|kicinski/i.test(from) || parentsOf.has(header(text, "Message-ID").replace(/^<|>$/g, ""))) {
        picked.push(`From mboxrd@z Thu Jan  1 00:00:00 1970\n${text.replace(/\n(>*From )/g, "\n>$1")}\n`);
      }
    }
    assert.ok(laurent >= 3, `only ${laurent} netdev messages from Laurent Pinchart`);
    assert.ok(parentsOf.size >= 100, `only ${parentsOf.size} netdev messages answered by Jakub Kicinski`);
    const lp = join(tmp.dir, "netdev-picked.mbox");
    writeFileSync(lp, picked.join(""));

    const storeDir = join(tmp.dir, "store");
    const store = await openStore(storeDir);
    try {
      await ingest(store, [openSource(`linux-cxl=${corpus("linux-cxl")}`), openSource(`linux-rdma=${corpus("linux-rdma")}`), openSource(`netdev=${lp}`)]);
    } finally { await store.close(); }
    const notes: string[] = [];
    await refreshAnalysis({ storeDir, lists: ["linux-cxl", "netdev", "linux-rdma"], maintainers: MAINT, warn: (m) => notes.push(m) });
    const s = await openStore(storeDir);
    try {
      for (const [section, ids] of expected) {
        const got = new Set((await s.query<{ message_id: string }>(`SELECT message_id FROM message_subsystems WHERE subsystem = '${section.replace(/'/g, "''")}'`)).map((r) => r.message_id));
        const mapped = [...ids].filter((id) => got.has(id)).length;
        t.diagnostic(`${section}: ${mapped} / ${ids.size}`);
        assert.ok(mapped / ids.size >= 0.99, `${section}: ${mapped}/${ids.size}; missing e.g. ${[...ids].filter((id) => !got.has(id)).slice(0, 3).join(", ")}`);
      }
      // Every M: address of the two sections that sent mail here holds the maintainer role.
      const text = readFileSync(MAINT, "utf8");
      for (const c of CASES) {
        const block = text.slice(text.indexOf(`\n${c.section}\n`) + 1).split("\n\n")[0];
        const emails = [...block.matchAll(/^M:.*<([^>]+)>/gm)].map((m) => m[1].toLowerCase());
        assert.ok(emails.length >= 2, `${c.section}: M: entries not found`);
        const rows = await s.query<{ email: string; role: string | null }>(`SELECT e.email, ps.role FROM person_emails e
          JOIN (SELECT DISTINCT from_email FROM messages) m ON m.from_email = e.email
          LEFT JOIN person_subsystems ps ON ps.person_id = e.person_id AND ps.subsystem = '${c.section.replace(/'/g, "''")}' AND ps.role = 'maintainer'
          WHERE e.email IN (${emails.map((x) => `'${x}'`).join(", ")})`);
        assert.ok(rows.length >= 2, `${c.section}: fewer than two of its maintainers posted`);
        for (const r of rows) assert.equal(r.role, "maintainer", `${r.email} should maintain ${c.section}`);
      }
      const [lpRow] = await s.query<{ home_list: string | null; home_subsystem: string | null }>(
        "SELECT home_list, home_subsystem FROM people WHERE name ILIKE '%pinchart%'");
      assert.ok(lpRow, "Laurent Pinchart is a person");
      t.diagnostic(`Laurent Pinchart: home list ${lpRow.home_list}, home subsystem ${lpRow.home_subsystem}`);
      assert.notEqual(lpRow.home_list, "netdev");
      // his two netdev messages also reached linux-media: recorded, untracked, from To/Cc
      const [media] = await s.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM message_lists ml JOIN messages m USING (message_id)
        WHERE m.from_name ILIKE '%pinchart%' AND ml.list = 'linux-media' AND NOT ml.tracked AND ml.via = 'to-cc'`);
      assert.ok(media.n >= 2, `linux-media copies: ${media.n}`);
      const [sec] = await s.query<{ media: boolean }>(`SELECT list_contains(lists, 'linux-media@vger.kernel.org') AS media FROM subsystems WHERE name = '${(lpRow.home_subsystem ?? "").replace(/'/g, "''")}'`);
      assert.ok(sec?.media, `home subsystem ${lpRow.home_subsystem} is not a linux-media section`);
      assert.ok(notes.some((n) => /^subsystems: 3\d{3} sections/.test(n)), notes.join("\n"));
      assert.ok(!/netdev|NETWORK/i.test(lpRow.home_subsystem ?? ""), `Laurent Pinchart: ${lpRow.home_subsystem}`);

      // Home subsystems a kernel maintainer would give, each checked to be an M: section of theirs in MAINTAINERS.
      const homeOf = async (name: string) => (await s.query<{ home_subsystem: string | null; ev: string | null }>(
        `SELECT p.home_subsystem, h.home_subsystem_evidence AS ev FROM people p LEFT JOIN person_homes h USING (person_id) WHERE p.name = '${name}'`))[0];
      const maintains = (name: string, section: string) => {
        const block = text.slice(text.indexOf(`\n${section}\n`) + 1).split("\n\n")[0];
        return block.startsWith(section) && block.split("\n").some((l) => l.startsWith("M:") && l.includes(name));
      };
      for (const [name, want] of [["Dan Williams", /^COMPUTE EXPRESS LINK \(CXL\)$/], ["Jason Gunthorpe", /^INFINIBAND SUBSYSTEM$/],
        ["Leon Romanovsky", /^INFINIBAND SUBSYSTEM$/], ["Jakub Kicinski", /^NETWORKING /]] as const) {
        const h = await homeOf(name);
        assert.ok(h, `${name} is a person`);
        t.diagnostic(`${name}: ${h.home_subsystem} (${h.ev})`);
        assert.match(h.home_subsystem ?? "", want, `${name}: ${h.home_subsystem} (${h.ev})`);
        assert.ok(maintains(name, h.home_subsystem!), `${name} is not M: of ${h.home_subsystem}`);
      }
    } finally { await s.close(); }
  } finally {
    tmp.cleanup();
  }
});
