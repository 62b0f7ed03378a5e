// messageIndex: one Message-ID -> index map per message array, shared by every stage that looks messages up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { messageIndex } from "../../loaders/model/message-index.ts";

test("messageIndex: each id's index, the last one for an id seen twice, made once per array", () => {
  const ms = [{ id: "a" }, { id: "b" }, { id: "a" }];
  const idx = messageIndex(ms);
  assert.deepEqual([...idx], [["a", 2], ["b", 1]]);
  assert.equal(messageIndex(ms), idx, "the same map for the same array");
  assert.notEqual(messageIndex([...ms]), idx, "another array gets its own");
  ms.push({ id: "c" });
  assert.equal(messageIndex(ms).get("c"), 3, "an appended message is indexed");
});
