// Where the real data lives: ../shared beside the clone (as CI sets it up), or
// $THREADGRAPH_SHARED when the checkout sits elsewhere (a git worktree).
import { resolve } from "node:path";

export const SHARED = process.env.THREADGRAPH_SHARED ?? resolve("../shared");
