#!/usr/bin/env node
// Package bin: runs the TypeScript CLI through tsx (Node 20 cannot strip types by itself).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exit(await main(process.argv.slice(2)));
