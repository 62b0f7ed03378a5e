// MIME parts whose header block ends in mixed line endings ("...\n" then a "\r\n" blank line):
// the same blank-line rule as a message's own header block, so the part's body (and its review
// trailers) is read, whichever line endings each part uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseMessage } from "../../loaders/parse/message.ts";

const ctx = { trackedLists: [{ name: "netdev", address: "netdev@vger.kernel.org" }] };
const H = "From: A <a@b.org>\r\nTo: netdev@vger.kernel.org\r\nSubject: Re: x\r\nMessage-ID: <m1@x>\r\nDate: Mon, 1 Jul 2024 12:00:00 +0000\r\n" +
  'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="BB"\r\n\r\n';

test("every text part's trailers are read, whatever mix of LF and CRLF ends its header block", () => {
  const ends = ["\n\n", "\r\n\r\n", "\n\r\n", "\r\n\n"];
  for (const a of ends) {
    for (const b of ends) {
      const body = `--BB\r\nContent-Type: text/plain${a}Acked-by: K <k@x.org>\r\n--BB\r\nContent-Type: text/plain${b}Tested-by: T <t@x.org>\r\n--BB--\r\n`;
      const p = parseMessage(Buffer.from(H + body), ctx);
      assert.deepEqual(p.trailers.map((t) => `${t.kind} ${t.email}`), ["acked-by k@x.org", "tested-by t@x.org"], JSON.stringify([a, b]));
    }
  }
});
