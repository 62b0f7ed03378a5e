// The URL `threadgraph thread` fetches names exactly the asked Message-ID once an HTTP client has
// parsed it, or the command says it cannot be fetched. "." and ".." are ids real archives can hold
// (parse/message-id.ts keeps them), and every URL parser resolves such a path segment away:
// <inbox>/../t.mbox.gz asked the server's root for /t.mbox.gz and reported "no such message".
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseThreadRef, threadUrl } from "../../loaders/sources/lore/thread-source.ts";

const INBOX = "https://lore.kernel.org/netdev/";

/** The Message-ID a fetch of `url` asks for: the path segment before t.mbox.gz, as the client's URL parser leaves it. */
function askedId(url: string): string | null {
  const u = new URL(url);
  const parts = u.pathname.split("/");
  if (parts.pop() !== "t.mbox.gz" || `${u.origin}${parts.slice(0, -1).join("/")}/` !== INBOX) return null;
  return decodeURIComponent(parts[parts.length - 1]);
}

test("thread URLs: every id either round-trips through URL parsing or is refused with a clear error", () => {
  const ids = [".", "..", "...", ". .", "a/../b", "../x@y", "%2e%2e", "%2E", ".%2e", "a\\..\\b", "x@y", " .. "];
  for (const id of ids) {
    const ref = parseThreadRef(id, INBOX);
    let url: string;
    try {
      url = threadUrl(ref);
    } catch (e) {
      assert.match((e as Error).message, /cannot be fetched by URL/, id);
      assert.match((e as Error).message, /another Message-ID of the thread/, id);
      continue;
    }
    assert.equal(askedId(url), ref.messageId, `${JSON.stringify(id)}: ${url} asks for another resource`);
  }
  // the dot segments themselves are refused, the rest fetched
  assert.throws(() => threadUrl(parseThreadRef("..", INBOX)), /cannot be fetched by URL/);
  assert.throws(() => threadUrl(parseThreadRef("<.>", INBOX)), /cannot be fetched by URL/);
  assert.equal(askedId(threadUrl(parseThreadRef("...", INBOX))), "...");
});
