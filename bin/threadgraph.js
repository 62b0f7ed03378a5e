#!/usr/bin/env -S node --max-semi-space-size=128
// Thin launcher: the CLI is TypeScript, run through tsx's loader so no build step is needed.
import { register } from "tsx/esm/api";
register();
const { runCli } = await import("../loaders/cli.ts");
process.exitCode = await runCli(process.argv.slice(2));
