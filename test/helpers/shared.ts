// Where the real archives live: ../shared beside the clone (as CI sets it up), or
// $THREADGRAPH_SHARED when the checkout sits elsewhere (a git worktree). Tests and benchmarks
// that need them skip with a message naming this path when it is absent.
import { resolve } from "node:path";

export const SHARED = process.env.THREADGRAPH_SHARED ?? resolve(process.cwd(), "../shared");
