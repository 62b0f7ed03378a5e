// `npm test` / `npm run test:full`: Node's test runner over test-order.mjs's files, in that order.
// Not `node --test FILES`: Node 20 sorts the files it is given, so the slow suites would start
// wherever their paths sort. Prints the spec report, then each file's time (file-times-reporter.mjs).
// Run with `node --import tsx` (each test file's process inherits it). TG_TEST_CONCURRENCY overrides
// how many files run at once; files named as arguments run instead of the whole list.
import { run } from "node:test";
import { spec } from "node:test/reporters";
import { PassThrough } from "node:stream";
import { finished } from "node:stream/promises";
import fileTimes from "./file-times-reporter.mjs";
import { testFiles } from "./test-order.mjs";

const full = process.argv.includes("--full");
// Two at a time on two cores: three measured no faster (405 s vs 408 s cold, 2026-11-30, load 3-8)
// and slow every file down, which trips tight timing guards under load.
// Three at a time on 2 cores: the files wait on subprocesses (public-inbox, Chromium) about a third
// of the time (cold, quiet: 305 s at three, 324 s at two, 2026-11-30).
const concurrency = Number(process.env.TG_TEST_CONCURRENCY ?? (full ? 1 : 3));
// Files named on the command line (`npm test -- test/x.test.ts`) run instead of the whole list.
const given = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const stream = run({ files: given.length ? given : testFiles(full), concurrency });
stream.on("test:fail", (data) => { if (!data.todo) process.exitCode = 1; });
const times = new PassThrough({ objectMode: true });
stream.pipe(times);
const report = stream.pipe(new spec());
report.pipe(process.stdout, { end: false });
const summary = [];
for await (const line of fileTimes(times)) summary.push(line);
await finished(report);
process.stdout.write(summary.join(""));
