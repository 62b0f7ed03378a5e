// One ForceAtlas2 iteration: graphology-layout-forceatlas2 0.10's iterate.js (MIT, (c) Guillaume
// Plique), cut down to the settings the layout uses (linear attraction distributed by the source's
// mass, strong gravity, no size adjustment, edge weight influence 1) and with its Barnes-Hut tree
// in a Float64Array kept between iterations instead of a JS array rebuilt every time: the same
// operations in the same order on the same matrices, so the same positions (test/graph/
// fa2-iterate.test.ts checks it against the library), for about 0.8x the CPU.
// Matrices as the library's: 10 floats a node (x, y, dx, dy, old dx, old dy, mass, convergence,
// size, fixed) and 3 an edge (source row, target row, weight; rows are node index x 10).

export interface Fa2Settings { scalingRatio: number; gravity: number; slowDown: number; barnesHutOptimize: boolean; barnesHutTheta: number }

const PPN = 10, PPR = 9;
const X = 0, Y = 1, DX = 2, DY = 3, ODX = 4, ODY = 5, MASS = 6, CONV = 7, FIXED = 9;
// Region fields: node row (-1: none), centre x/y, size, next sibling, first child, mass, mass centre x/y.
const RN = 0, RCX = 1, RCY = 2, RS = 3, RNEXT = 4, RCHILD = 5, RM = 6, RMX = 7, RMY = 8;
const SUBDIVISION_ATTEMPTS = 3;

/** FA2 iterations over one graph's matrices, reusing the Barnes-Hut tree's storage. */
export class Fa2 {
  private regions = new Float64Array(0);
  constructor(private readonly s: Fa2Settings, private readonly nodes: Float32Array, private readonly edges: Float32Array) {}

  iterate(): void {
    const N = this.nodes, E = this.edges, s = this.s, order = N.length;
    for (let n = 0; n < order; n += PPN) { N[n + ODX] = N[n + DX]; N[n + ODY] = N[n + DY]; N[n + DX] = 0; N[n + DY] = 0; }
    let compensation = 0;
    for (let n = 0; n < order; n += PPN) compensation += N[n + MASS];
    compensation /= order / PPN;
    if (s.barnesHutOptimize) { this.buildTree(); this.repulseTree(); } else this.repulseAll();
    // Strong gravity.
    const g = s.gravity / s.scalingRatio, k = s.scalingRatio;
    for (let n = 0; n < order; n += PPN) {
      const xd = N[n + X], yd = N[n + Y];
      const distance = Math.sqrt(Math.pow(xd, 2) + Math.pow(yd, 2));
      const factor = distance > 0 ? k * N[n + MASS] * g : 0;
      N[n + DX] -= xd * factor; N[n + DY] -= yd * factor;
    }
    // Linear attraction, distributed by the source's mass.
    for (let e = 0; e < E.length; e += 3) {
      const n1 = E[e], n2 = E[e + 1], w = E[e + 2];
      const xd = N[n1 + X] - N[n2 + X], yd = N[n1 + Y] - N[n2 + Y];
      const factor = (-compensation * Math.pow(w, 1)) / N[n1 + MASS];
      N[n1 + DX] += xd * factor; N[n1 + DY] += yd * factor;
      N[n2 + DX] -= xd * factor; N[n2 + DY] -= yd * factor;
    }
    // Apply the forces.
    for (let n = 0; n < order; n += PPN) {
      if (N[n + FIXED] === 1) continue;
      const swinging = N[n + MASS] * Math.sqrt((N[n + ODX] - N[n + DX]) * (N[n + ODX] - N[n + DX]) + (N[n + ODY] - N[n + DY]) * (N[n + ODY] - N[n + DY]));
      const traction = Math.sqrt((N[n + ODX] + N[n + DX]) * (N[n + ODX] + N[n + DX]) + (N[n + ODY] + N[n + DY]) * (N[n + ODY] + N[n + DY])) / 2;
      const speed = (N[n + CONV] * Math.log(1 + traction)) / (1 + Math.sqrt(swinging));
      N[n + CONV] = Math.min(1, Math.sqrt((speed * (Math.pow(N[n + DX], 2) + Math.pow(N[n + DY], 2))) / (1 + Math.sqrt(swinging))));
      N[n + X] = N[n + X] + N[n + DX] * (speed / s.slowDown);
      N[n + Y] = N[n + Y] + N[n + DY] * (speed / s.slowDown);
    }
  }

  private region(g: number, cx: number, cy: number, size: number, next: number): void {
    const R = this.regions;
    R[g + RN] = -1; R[g + RCX] = cx; R[g + RCY] = cy; R[g + RS] = size; R[g + RNEXT] = next;
    R[g + RCHILD] = -1; R[g + RM] = 0; R[g + RMX] = 0; R[g + RMY] = 0;
  }

  /** The quadrant of node row n in region r (its first child + 0..3 regions). */
  private quadrant(r: number, n: number): number {
    const R = this.regions, N = this.nodes;
    const left = N[n + X] < R[r + RCX], top = N[n + Y] < R[r + RCY];
    return R[r + RCHILD] + PPR * (left ? (top ? 0 : 1) : (top ? 2 : 3));
  }

  private buildTree(): void {
    const N = this.nodes, order = N.length;
    // Each node adds at most 4 regions per subdivision attempt (plus one).
    const need = PPR * (1 + 4 * (SUBDIVISION_ATTEMPTS + 2) * (order / PPN));
    if (this.regions.length < need) this.regions = new Float64Array(need);
    const R = this.regions;
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let n = 0; n < order; n += PPN) {
      minX = Math.min(minX, N[n + X]); maxX = Math.max(maxX, N[n + X]);
      minY = Math.min(minY, N[n + Y]); maxY = Math.max(maxY, N[n + Y]);
    }
    const dx = maxX - minX, dy = maxY - minY;
    if (dx > dy) { minY -= (dx - dy) / 2; maxY = minY + dx; } else { minX -= (dy - dx) / 2; maxX = minX + dy; }
    this.region(0, (minX + maxX) / 2, (minY + maxY) / 2, Math.max(maxX - minX, maxY - minY), -1);
    let l = 1;
    for (let n = 0; n < order; n += PPN) {
      let r = 0, attempts = SUBDIVISION_ATTEMPTS;
      for (;;) {
        if (R[r + RCHILD] >= 0) {
          const q = this.quadrant(r, n);
          R[r + RMX] = (R[r + RMX] * R[r + RM] + N[n + X] * N[n + MASS]) / (R[r + RM] + N[n + MASS]);
          R[r + RMY] = (R[r + RMY] * R[r + RM] + N[n + Y] * N[n + MASS]) / (R[r + RM] + N[n + MASS]);
          R[r + RM] += N[n + MASS];
          r = q;
          continue;
        }
        if (R[r + RN] < 0) { R[r + RN] = n; break; }
        // A leaf region holding a node: split it in four and move both nodes down.
        R[r + RCHILD] = l * PPR;
        const w = R[r + RS] / 2, g = R[r + RCHILD];
        this.region(g, R[r + RCX] - w, R[r + RCY] - w, w, g + PPR);
        this.region(g + PPR, R[r + RCX] - w, R[r + RCY] + w, w, g + 2 * PPR);
        this.region(g + 2 * PPR, R[r + RCX] + w, R[r + RCY] - w, w, g + 3 * PPR);
        this.region(g + 3 * PPR, R[r + RCX] + w, R[r + RCY] + w, w, R[r + RNEXT]);
        l += 4;
        const old = R[r + RN], q = this.quadrant(r, old);
        R[r + RM] = N[old + MASS]; R[r + RMX] = N[old + X]; R[r + RMY] = N[old + Y];
        R[q + RN] = old; R[r + RN] = -1;
        const q2 = this.quadrant(r, n);
        if (q === q2) {
          if (attempts--) { r = q; continue; }
          break; // out of precision: the node is left out of the tree, as in the library
        }
        R[q2 + RN] = n;
        break;
      }
    }
  }

  private repulseTree(): void {
    const N = this.nodes, R = this.regions, order = N.length;
    const k = this.s.scalingRatio, thetaSquared = this.s.barnesHutTheta * this.s.barnesHutTheta;
    for (let n = 0; n < order; n += PPN) {
      let r = 0;
      for (;;) {
        if (R[r + RCHILD] >= 0) {
          const distance = Math.pow(N[n + X] - R[r + RMX], 2) + Math.pow(N[n + Y] - R[r + RMY], 2);
          const s = R[r + RS];
          if ((4 * s * s) / distance < thetaSquared) {
            const xd = N[n + X] - R[r + RMX], yd = N[n + Y] - R[r + RMY];
            if (distance > 0) { const factor = (k * N[n + MASS] * R[r + RM]) / distance; N[n + DX] += xd * factor; N[n + DY] += yd * factor; }
            r = R[r + RNEXT];
            if (r < 0) break;
          } else r = R[r + RCHILD];
          continue;
        }
        const rn = R[r + RN];
        if (rn >= 0 && rn !== n) {
          const xd = N[n + X] - N[rn + X], yd = N[n + Y] - N[rn + Y];
          const distance = xd * xd + yd * yd;
          if (distance > 0) { const factor = (k * N[n + MASS] * N[rn + MASS]) / distance; N[n + DX] += xd * factor; N[n + DY] += yd * factor; }
        }
        r = R[r + RNEXT];
        if (r < 0) break;
      }
    }
  }

  private repulseAll(): void {
    const N = this.nodes, order = N.length, k = this.s.scalingRatio;
    for (let n1 = 0; n1 < order; n1 += PPN) {
      for (let n2 = 0; n2 < n1; n2 += PPN) {
        const xd = N[n1 + X] - N[n2 + X], yd = N[n1 + Y] - N[n2 + Y];
        const distance = Math.sqrt(xd * xd + yd * yd);
        if (distance > 0) {
          const factor = (k * N[n1 + MASS] * N[n2 + MASS]) / distance / distance;
          N[n1 + DX] += xd * factor; N[n1 + DY] += yd * factor;
          N[n2 + DX] -= xd * factor; N[n2 + DY] -= yd * factor;
        }
      }
    }
  }
}
