// Plain-text table for terminals (query results, summaries). Values are shown as text only.
export function formatTable(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return "(no rows)";
  const cols = Object.keys(rows[0]);
  const cell = (v: unknown): string => {
    const s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
    // Strip control characters so untrusted text cannot move the cursor or recolour the terminal.
    const clean = s.replace(/[\x00-\x1f\x7f-\x9f]/g, " ");
    return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
  };
  const cells = rows.map((r) => cols.map((c) => cell(r[c])));
  const width = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const right = cols.map((c) => rows.every((r) => typeof r[c] === "number" || r[c] == null));
  const fmt = (r: string[]) => r.map((s, i) => (right[i] ? s.padStart(width[i]) : s.padEnd(width[i]))).join("  ").trimEnd();
  return [fmt(cols), width.map((w) => "-".repeat(w)).join("  "), ...cells.map(fmt)].join("\n");
}
