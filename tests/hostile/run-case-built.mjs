/**
 * run-case.ts for the built CLI (dist-cli/, made by `npm ci` through `prepare`): the same child entry
 * without compiling TypeScript at each of the corpus's ~80 process starts. corpus.test.ts uses it only
 * when the build is newer than every source file, else run-case.ts through tsx.
 */
import { writeFileSync } from 'node:fs';
import { main } from '../../dist-cli/customer-lens.js';

const code = await main(process.argv.slice(2));
const result = process.env.CL_CASE_RESULT;
if (result) writeFileSync(result, JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }));
process.exit(code);
