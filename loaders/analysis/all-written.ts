// The derived tables are written side by side: each write encodes its rows at once and queues its
// COPY, so DuckDB works through the queue while the main thread builds the pages. Awaited one by
// one, each next table waited for a turn of the main thread's event loop (between two page
// builders) and the last COPYs ran after the pages, with the main thread idle (~0.9 s at 212k).

/** Await every write, then throw the first failure: none is left running when the caller goes on. */
export async function allWritten(writes: readonly Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(writes);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
}
