// spacedLabels: scatter labels that would overlap are dropped, the more important one kept.
import { test } from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error plain browser JS module without types
import { spacedLabels } from "../../src/components/label-layout.js";

const layout = (rows: { x: number; y: number; name: string }[]) =>
  spacedLabels(rows, { px: (r: { x: number }) => r.x, py: (r: { y: number }) => r.y, text: (r: { name: string }) => r.name }).map((r: { name: string }) => r.name);

test("labels at (nearly) the same place: only the first is kept; apart: all are kept", () => {
  // Two maintainers with close counts: their 15-letter names overlap 20 px apart on the same line.
  assert.deepEqual(layout([{ x: 300, y: 200, name: "Leon Romanovsky" }, { x: 320, y: 200, name: "Przemek Kitszel" }, { x: 600, y: 200, name: "Andrew Lunn" }]),
    ["Leon Romanovsky", "Andrew Lunn"]);
  // Same x, one line apart vertically (12 px at font size 10): no overlap.
  assert.deepEqual(layout([{ x: 300, y: 200, name: "Leon Romanovsky" }, { x: 300, y: 213, name: "Przemek Kitszel" }]), ["Leon Romanovsky", "Przemek Kitszel"]);
  // A long name reaches a short one further away on the same line.
  assert.deepEqual(layout([{ x: 100, y: 50, name: "A very long maintainer name here" }, { x: 180, y: 50, name: "Bo" }]), ["A very long maintainer name here"]);
  // Points with no position (NaN) get no label.
  assert.deepEqual(layout([{ x: NaN, y: 1, name: "x" }, { x: 5, y: 5, name: "y" }]), ["y"]);
});
