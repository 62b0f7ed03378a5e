// An inbox URL that is not http(s) (thread --inbox file:///..., a typo'd scheme) is a usage error
// before anything runs, as sync's --list already was; and the HTTP client never retries a URL it
// cannot fetch at all (it retried "Protocol \"file:\" not supported" five times with backoff).
import { test } from "node:test";
import assert from "node:assert/strict";
import { HttpClient, type RetryInfo } from "../../loaders/sources/lore/http-client.ts";
import { parseThreadRef } from "../../loaders/sources/lore/thread-source.ts";
import { cli } from "../helpers/cli-in-process.ts";

test("the HTTP client fails at once on a URL of another protocol, saying so", { timeout: 30_000 }, async () => {
  const retries: RetryInfo[] = [];
  const client = new HttpClient({ onRetry: (r) => retries.push(r) });
  try {
    for (const url of ["file:///tmp/x/t.mbox.gz", "ftp://example.org/x/t.mbox.gz"]) {
      const t0 = Date.now();
      await assert.rejects(client.request(url), /not an http\(s\) URL/, url);
      assert.equal(retries.length, 0, `${url}: retried ${retries.map((r) => r.reason).join("; ")}`);
      assert.ok(Date.now() - t0 < 5_000);
    }
  } finally {
    client.close();
  }
});

test("thread --inbox must be an http(s) URL: a usage error", { timeout: 30_000 }, async () => {
  for (const inbox of ["file:///tmp/", "ftp://example.org/all/", "javascript:alert(1)", "lore.kernel.org/all/"]) {
    assert.throws(() => parseThreadRef("a@b", inbox), /the inbox must be an http\(s\) URL/, inbox);
    const r = await cli(["thread", "--store", "/nonexistent/store", "--inbox", inbox, "a@b"]);
    assert.equal(r.status, 2, `${inbox}: ${r.stderr}`);
    assert.match(r.stderr, /the inbox must be an http\(s\) URL/);
  }
  assert.equal(parseThreadRef("a@b", "http://127.0.0.1:8080/all").inbox, "http://127.0.0.1:8080/all/");
});
