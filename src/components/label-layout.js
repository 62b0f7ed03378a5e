// Labels beside the points of a scatter plot without overlaps: Plot has no collision handling for
// text, and names of maintainers with close counts were drawn over each other.

/**
 * The rows whose label can be drawn, most important first: a label is kept when its box (text width
 * estimated from its length) overlaps no label kept before it.
 * @param rows in order of importance
 * @param o {px, py: row -> pixel position of its point; text: row -> label; fontSize; dy: label offset above the point}
 */
export function spacedLabels(rows, { px, py, text, fontSize = 10, dy = -8 }) {
  const boxes = [], kept = [];
  for (const r of rows) {
    const w = 0.62 * fontSize * String(text(r)).length, h = 1.2 * fontSize;
    const x = px(r), y = py(r) + dy;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const b = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
    if (boxes.some((o) => b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3])) continue;
    boxes.push(b);
    kept.push(r);
  }
  return kept;
}
