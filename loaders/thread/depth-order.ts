// Message indexes parents before children: by depth, ties in index order (what a stable sort by
// depth gives), by counting sort in O(n). The series linking and the revisions both walk it: made
// once per threading instead of two comparison sorts of every message.
import type { Threading } from "./jwz.ts";

const made = new WeakMap<Threading, Int32Array>();

export function depthOrder(th: Threading): Int32Array {
  let order = made.get(th);
  if (order) return order;
  const { depth } = th, n = depth.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (depth[i] > max) max = depth[i];
  const start = new Int32Array(max + 2);
  for (let i = 0; i < n; i++) start[depth[i] + 1]++;
  for (let d = 1; d <= max + 1; d++) start[d] += start[d - 1];
  order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[start[depth[i]]++] = i;
  made.set(th, order);
  return order;
}
