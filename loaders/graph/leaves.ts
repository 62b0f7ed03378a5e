// The layout's leaves: people with exactly one correspondent (replies either way, self-replies
// aside) whose correspondent has others. They are left out of the force simulation and placed
// afterwards, deterministically, in a fan on the outer side of their anchor (the side away from
// the layout's centre, where FA2's repulsion pushes them), at about one typical edge length.
// A pair who only wrote to each other stays in the simulation (neither is the other's anchor).

/** Each node's anchor (its only neighbour) if it is a leaf, else -1. Edges as node indexes. */
export function findLeaves(n: number, source: Int32Array, target: Int32Array): Int32Array {
  const first = new Int32Array(n).fill(-1), many = new Uint8Array(n);
  const see = (a: number, b: number) => {
    if (first[a] < 0) first[a] = b;
    else if (first[a] !== b) many[a] = 1;
  };
  for (let e = 0; e < source.length; e++) {
    const s = source[e], t = target[e];
    if (s !== t) { see(s, t); see(t, s); }
  }
  const anchor = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (!many[i] && first[i] >= 0 && many[first[i]]) anchor[i] = first[i];
  return anchor;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

export interface LeafPlacement {
  keys: string[]; source: Int32Array; target: Int32Array;
  /** findLeaves' result. */
  anchor: Int32Array;
  /** Positions by node index: the core's are set, the leaves' are filled in here. */
  xs: Float64Array; ys: Float64Array;
}

/** Place every leaf next to its anchor (see the file comment); same input, same positions. */
export function placeLeaves(p: LeafPlacement): void {
  const { keys, source, target, anchor, xs, ys } = p;
  const n = keys.length;
  // The core's centre and its median edge length (the leaves' distance from their anchor).
  let cx = 0, cy = 0, core = 0;
  for (let i = 0; i < n; i++) if (anchor[i] < 0) { cx += xs[i]; cy += ys[i]; core++; }
  if (core) { cx /= core; cy /= core; }
  const lengths: number[] = [];
  for (let e = 0; e < source.length; e++) {
    const s = source[e], t = target[e];
    if (s !== t && anchor[s] < 0 && anchor[t] < 0) lengths.push(Math.hypot(xs[s] - xs[t], ys[s] - ys[t]));
  }
  lengths.sort((a, b) => a - b);
  // Without core edges (a star), any length: positions are normalised afterwards.
  const radius = lengths.length && lengths[lengths.length >> 1] > 0 ? lengths[lengths.length >> 1] : 10;
  const leaves = new Map<number, number[]>();
  for (let i = 0; i < n; i++) if (anchor[i] >= 0) {
    const l = leaves.get(anchor[i]);
    if (l) l.push(i); else leaves.set(anchor[i], [i]);
  }
  for (const [a, ls] of leaves) {
    // By key, so the fan's order does not depend on the graph's insertion order.
    ls.sort((i, j) => (keys[i] < keys[j] ? -1 : keys[i] > keys[j] ? 1 : 0));
    const k = ls.length, out = Math.hypot(xs[a] - cx, ys[a] - cy);
    // Outward from the centre; all around when the anchor is the centre (a star's hub).
    const dir = out > radius ? Math.atan2(ys[a] - cy, xs[a] - cx) : 0;
    const fan = out > radius ? Math.min((2 * Math.PI * (k - 1)) / k, Math.PI / 3 + 0.2 * k) : (2 * Math.PI * (k - 1)) / k;
    ls.forEach((leaf, j) => {
      const angle = dir + (k === 1 ? 0 : fan * (j / (k - 1) - 0.5));
      // Distances spread over 0.7-1.3 radius (golden-ratio steps), so a big fan is a cloud, not a ring.
      const d = radius * (0.7 + 0.6 * ((j * GOLDEN) % 1));
      xs[leaf] = xs[a] + d * Math.cos(angle);
      ys[leaf] = ys[a] + d * Math.sin(angle);
    });
  }
}
