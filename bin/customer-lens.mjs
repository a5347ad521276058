#!/usr/bin/env node
// Package bin: runs the CLI as built JavaScript (dist-cli/, made by `npm run build:cli`; `npm ci` builds it).
let cli;
try {
  cli = await import('../dist-cli/customer-lens.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  process.stderr.write('customer-lens: the CLI is not built yet; run `npm run build:cli` first\n');
  process.exit(2);
}
process.exit(await cli.main(process.argv.slice(2)));
