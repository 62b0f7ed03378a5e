// One turn of the event loop (setImmediate): what was queued meanwhile (a DuckDB statement on its
// way, a write's COPY, a worker's answer) goes on before this thread takes its next long synchronous step.
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
