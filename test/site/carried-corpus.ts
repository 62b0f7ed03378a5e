// A small synthetic archive for the person page's filtered figures (test/site/person-window.test.ts):
// Reviewed-by, Acked-by and Tested-by carried inside v2 patches (one forwarded by a maintainer for
// its in-body author, one by a bot reviewer), replies across the window edges and the lists, a bot
// reply, a reply dated before its parent (no reply time) and an undated reply. Synthetic people only.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const WHO = {
  ann: "Ann Author <ann@carried.example>", bob: "Bob Reviewer <bob@carried.example>", cat: "Cat Acker <cat@carried.example>",
  dee: "Dee Maintainer <dee@carried.example>", eve: "Eve Writer <eve@carried.example>", robot: "kernel test robot <lkp@intel.com>",
} as const;
const LIST = { netdev: "netdev@vger.kernel.org", "linux-rdma": "linux-rdma@vger.kernel.org" } as const;
type List = keyof typeof LIST;

interface Mail { id: string; from: string; lists: List[]; subject: string; at: string | null; parent?: string; body: string[] }

const MAILS: Mail[] = [
  { id: "p1", from: WHO.ann, lists: ["netdev", "linux-rdma"], subject: "[PATCH] net: carried one", at: "2024-07-01T09:00:00Z", body: ["change", "", `Signed-off-by: ${WHO.ann}`] },
  { id: "p1-bob", from: WHO.bob, lists: ["netdev", "linux-rdma"], subject: "Re: [PATCH] net: carried one", at: "2024-07-02T10:30:00Z", parent: "p1", body: ["> change", "", `Reviewed-by: ${WHO.bob}`] },
  { id: "p1-bot", from: WHO.robot, lists: ["netdev"], subject: "Re: [PATCH] net: carried one", at: "2024-07-01T11:00:00Z", parent: "p1", body: ["build failed (synthetic)"] },
  // Dated before its parent (a skewed clock): a reply, but no reply time.
  { id: "p1-cat", from: WHO.cat, lists: ["netdev"], subject: "Re: [PATCH] net: carried one", at: "2024-06-30T08:00:00Z", parent: "p1", body: ["> change", "", "Looks fine."] },
  // v2 carries Bob's review and Cat's ack.
  { id: "p2", from: WHO.ann, lists: ["netdev"], subject: "[PATCH v2] net: carried one", at: "2024-07-05T09:00:00Z",
    body: ["change v2", "", `Reviewed-by: ${WHO.bob}`, `Acked-by: ${WHO.cat}`, `Signed-off-by: ${WHO.ann}`] },
  { id: "p2-cat", from: WHO.cat, lists: ["netdev"], subject: "Re: [PATCH v2] net: carried one", at: "2024-07-06T10:00:00Z", parent: "p2", body: ["> change v2", "", "Thanks."] },
  { id: "p2-ann", from: WHO.ann, lists: ["netdev"], subject: "Re: [PATCH v2] net: carried one", at: "2024-07-06T12:07:00Z", parent: "p2-cat", body: ["> Thanks.", "", "Thank you."] },
  // Ten seconds before its parent: no reply time either (it rounds to "0 minutes" if read as one).
  { id: "p2-eve", from: WHO.eve, lists: ["netdev"], subject: "Re: [PATCH v2] net: carried one", at: "2024-07-06T12:06:50Z", parent: "p2-ann", body: ["> Thank you.", "", "Early."] },
  { id: "p2-bob", from: WHO.bob, lists: ["netdev"], subject: "Re: [PATCH v2] net: carried one", at: null, parent: "p2", body: ["> change v2", "", "Undated reply."] },
  // Forwarded by Dee for Eve (in-body From:): the carried tags' author is Eve; one is the robot's.
  { id: "f1", from: WHO.dee, lists: ["linux-rdma"], subject: "[PATCH v2 net] rdma: carried two", at: "2024-07-10T08:00:00Z",
    body: [`From: ${WHO.eve}`, "", "fix", "", `Reviewed-by: ${WHO.bob}`, `Tested-by: ${WHO.robot}`, `Signed-off-by: ${WHO.eve}`, `Signed-off-by: ${WHO.dee}`] },
  { id: "f1-bob", from: WHO.bob, lists: ["linux-rdma"], subject: "Re: [PATCH v2 net] rdma: carried two", at: "2024-07-11T08:45:00Z", parent: "f1", body: ["> fix", "", "Still fine."] },
  { id: "f1-eve", from: WHO.eve, lists: ["linux-rdma", "netdev"], subject: "Re: [PATCH v2 net] rdma: carried two", at: "2024-07-12T09:00:00Z", parent: "f1-bob", body: ["> Still fine.", "", "Thanks Bob."] },
  // netdev's pw-bot verdicts: one in the test windows, one after them.
  { id: "p2-pw", from: WHO.dee, lists: ["netdev"], subject: "Re: [PATCH v2] net: carried one", at: "2024-07-07T09:00:00Z", parent: "p2", body: ["> change v2", "", "Please respin.", "", "pw-bot: cr"] },
  { id: "f1-pw", from: WHO.dee, lists: ["linux-rdma", "netdev"], subject: "Re: [PATCH v2 net] rdma: carried two", at: "2024-07-13T09:00:00Z", parent: "f1", body: ["> fix", "", "pw-bot: changes-requested"] },
  { id: "f1-cat", from: WHO.cat, lists: ["linux-rdma"], subject: "Re: [PATCH v2 net] rdma: carried two", at: "2024-07-10T20:00:00Z", parent: "f1", body: ["> fix", "", "Question."] },
];

function render(m: Mail): string {
  return ["From mboxrd@z Thu Jan  1 00:00:00 1970", `From: ${m.from}`, `To: ${m.lists.map((l) => LIST[l]).join(", ")}`, `Subject: ${m.subject}`,
    ...(m.at ? [`Date: ${new Date(m.at).toUTCString().replace("GMT", "+0000")}`] : []), `Message-ID: <${m.id}@carried.example>`,
    ...(m.parent ? [`In-Reply-To: <${m.parent}@carried.example>`, `References: <${m.parent}@carried.example>`] : []), "", ...m.body, "", ""].join("\n");
}

/** One mbox per list in dir; returns the LIST=PATH sources for `threadgraph ingest`. */
export function writeCarriedCorpus(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return (Object.keys(LIST) as List[]).map((l) => {
    const file = join(dir, `${l}.mbox`);
    writeFileSync(file, MAILS.filter((m) => m.lists.includes(l)).map(render).join(""));
    return `${l}=${file}`;
  });
}
