#!/usr/bin/env node
// Entry of the `handover` command (package bin and `npm run handover`): runs the TypeScript CLI
// through tsx, so it works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
