// The graph explorer's canvas ([data-testid=graph-canvas], src/components/graph-explorer.js) in the
// browser tests: where its people are, and a wait for it to come to rest after a re-layout.
import type { Page } from "playwright-core";

const CANVAS = "[data-testid=graph-canvas]";

/** [node index, x, y] of every person, in graph coordinates (the layout's, not the camera's). */
export const graphPositions = (page: Page) => page.evaluate(() =>
  (document.querySelector("[data-testid=graph-canvas]") as any).tgPositions() as [number, number, number][]);

/** The number of re-layouts the canvas has finished (data-layout-runs; 0 before the first). */
export const layoutRuns = async (page: Page) => Number(await page.locator(CANVAS).getAttribute("data-layout-runs") ?? 0);

// At rest: no re-layout running, and every shown person drawn at the same viewport point for
// FRAMES frames in a row. A re-layout ends with the nodes' animation into place, then starts a
// camera reset (sigma animates it frame by frame) and labels are drawn only once the camera stops:
// a fixed sleep after "done" raced both on a loaded machine. A string, so no transform of this file
// (tsx's __name helpers) reaches the page.
const FRAMES = 5;
const AT_REST = (timeout: number) => `new Promise((ok) => {
  const c = document.querySelector(${JSON.stringify(CANVAS)});
  const snap = () => c.dataset.layout === "running" ? null : JSON.stringify(c.tgPositions().map((p) => c.tgViewport(p[0])));
  const end = performance.now() + ${timeout};
  let last = snap(), same = 0;
  const tick = () => {
    const now = snap();
    same = now !== null && now === last ? same + 1 : 0;
    last = now;
    if (same >= ${FRAMES}) ok("");
    else if (performance.now() > end) ok(c.dataset.layout === "running" ? "a re-layout still running" : "the drawing still moving");
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

/** Wait until the graph canvas is at rest (see AT_REST); an error after `timeout` ms. */
export async function graphAtRest(page: Page, timeout = 30_000): Promise<void> {
  const why = await page.evaluate(AT_REST(timeout)) as string;
  if (why) throw new Error(`graphAtRest: ${why} after ${timeout} ms`);
}
