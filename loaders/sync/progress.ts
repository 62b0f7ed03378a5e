// Live progress per list on stderr (one rewritten line on a terminal, a line every few
// seconds otherwise) and the per-list summary table.
export interface ListProgress {
  list: string;
  mode: "git" | "http";
  phase: string;
  /** http: slices; git: epochs. */
  unitsDone: number;
  unitsPlanned: number;
  objects?: number;
  totalObjects?: number;
  messages: number;
  bytes: number;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1 << 20) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1 << 30) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  return `${(n / (1 << 30)).toFixed(2)} GiB`;
}

export function progressLine(p: ListProgress): string {
  const unit = p.mode === "http" ? "slices" : "epochs";
  const objs = p.totalObjects ? `, objects ${p.objects ?? 0}/${p.totalObjects}` : "";
  return `${p.list} [${p.mode}] ${p.phase}: ${unit} ${p.unitsDone}/${p.unitsPlanned}${objs}, ${p.messages} messages, ${formatBytes(p.bytes)}`;
}

export class ProgressReporter {
  private last = 0;
  private lastLine = "";
  constructor(private readonly out: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean } = process.stderr,
    private readonly everyMs = (out as { isTTY?: boolean }).isTTY ? 200 : 3000) {}

  update(p: ListProgress, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < this.everyMs) return;
    this.last = now;
    const line = progressLine(p);
    if (line === this.lastLine) return;
    this.lastLine = line;
    if ((this.out as { isTTY?: boolean }).isTTY) this.out.write(`\r\x1b[2K${line}`);
    else this.out.write(`${line}\n`);
  }

  /** A message line (a retry, a warning) that does not garble the live progress line. */
  note(msg: string): void {
    const tty = (this.out as { isTTY?: boolean }).isTTY;
    if (tty && this.lastLine) this.out.write(`\r\x1b[2K${msg}\n${this.lastLine}`);
    else this.out.write(`${msg}\n`);
  }

  done(): void {
    if ((this.out as { isTTY?: boolean }).isTTY && this.lastLine) this.out.write("\n");
    this.lastLine = "";
  }
}

export interface ListSummary {
  list: string;
  mode: "git" | "http";
  inbox: string;
  /** http: slices fetched (and splits); git: epochs cloned/fetched/skipped as too old. */
  units: string;
  requests: number;
  bytes: number;
  retries: number;
  seen: number;
  new: number;
  duplicate: number;
  conflicting: number;
  deleted: number;
  errors: number;
  outsideWindow: number;
  elapsedMs: number;
  failure?: string;
}

export function summaryTable(rows: ListSummary[]): string {
  const head = ["list", "mode", "fetched", "requests", "bytes", "retries", "seen", "new", "dup", "errors", "time"];
  const body = rows.map((r) => [r.list, r.mode, r.units, String(r.requests), formatBytes(r.bytes), String(r.retries),
    String(r.seen), String(r.new), String(r.duplicate + r.conflicting), String(r.errors), `${(r.elapsedMs / 1000).toFixed(1)}s`]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(w[i])).join("  ").trimEnd();
  const lines = [fmt(head), ...body.map(fmt)];
  for (const r of rows) if (r.failure) lines.push(`${r.list}: FAILED: ${r.failure}`);
  return lines.join("\n");
}
