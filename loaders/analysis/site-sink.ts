// Where the page artifacts go as the builders make them. A Map keeps every file's text (tests, the
// Framework archive); a SiteDirSink writes each file at once and drops its text, so a full-scale
// analysis does not hold hundreds of MB of artifact strings until the end (GC time, peak RSS).
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { FILES } from "./artifacts.ts";
import { namedError, writeFileNamed } from "../store/write-file.ts";

/** What the builders write into: name (relative path) -> contents. A later set of a name replaces it. */
export interface SiteSink {
  set(name: string, content: string): unknown;
  /** A file written in pieces (shards.ts ShardSet), when the sink can append: no piece is kept. */
  append?(name: string): Appender;
}

/**
 * A file being written piece by piece; `written`: some text was written; close() ends it (the file
 * then counts as set); abort() lets it go unfinished (a failed run: its directory is removed).
 */
export interface Appender { readonly written: boolean; write(text: string): void; close(): void; abort(): void }

/** What a caller reads back from the finished files: a Map, or a SiteDirSink (meta.json only). */
export interface SiteFiles extends SiteSink { get(name: string): string | undefined; readonly size: number }

/** Writes each file into `dir` as it is set; keeps only meta.json's text (the commands print its counts). */
export class SiteDirSink implements SiteFiles {
  private written = new Set<string>();
  private dirs = new Set<string>();
  private meta: string | undefined;
  /** `dir` is created; it should be new (a refresh's site.new-<pid>): files already there are kept. */
  constructor(readonly dir: string) { mkdirSync(dir, { recursive: true }); this.dirs.add(dir); }
  /** The file's path in the directory, its parent directory made once. */
  private pathOf(name: string): string {
    const p = join(this.dir, name), d = dirname(p);
    if (!this.dirs.has(d)) { mkdirSync(d, { recursive: true }); this.dirs.add(d); }
    return p;
  }
  set(name: string, content: string): this {
    const p = this.pathOf(name);
    writeFileNamed(p, content, "output"); // a full disk's error names the file
    this.written.add(name);
    if (name === FILES.meta) this.meta = content;
    return this;
  }
  append(name: string): Appender {
    const p = this.pathOf(name);
    let fd: number;
    try { fd = openSync(p, "w"); } catch (e) { throw namedError(p, e, undefined, "output"); }
    const done = () => this.written.add(name);
    let open = true;
    const out = {
      written: false,
      write(text: string) {
        // writeSync may write less than asked: the rest goes after it (as writeFileSync does).
        const b = Buffer.from(text);
        try { for (let at = 0; at < b.length;) at += writeSync(fd, b, at); } catch (e) { throw namedError(p, e, undefined, "output"); } // a full disk's error names the file
        out.written = true;
      },
      close() {
        open = false;
        try { closeSync(fd); } catch (e) { throw namedError(p, e, undefined, "output"); }
        done();
      },
      abort() {
        if (!open) return;
        open = false;
        try { closeSync(fd); } catch { /* already failing */ }
      },
    };
    return out;
  }
  /** meta.json's text; any other file is only on disk (read it from `dir`). */
  get(name: string): string | undefined {
    if (name !== FILES.meta) throw new Error(`${name}: only meta.json is kept in memory, read the file from ${this.dir}`);
    return this.meta;
  }
  get size(): number { return this.written.size; }
  /** Every file written so far (relative names). */
  names(): string[] { return [...this.written]; }
  /** A file another thread wrote into `dir` (thread-shards-job.ts): counted as written here. */
  note(name: string): void { this.written.add(name); }
}
