/**
 * Child process entry for one corpus case: runs the CLI's main with the given arguments and, on a
 * normal end, writes { code, maxRssKb } to $CL_CASE_RESULT. A crash or an out-of-memory abort leaves
 * no result, a hang is killed by the parent: both fail the case.
 */
import { writeFileSync } from 'node:fs';
import { main } from '../../src/cli/main.ts';

const code = await main(process.argv.slice(2));
const result = process.env.CL_CASE_RESULT;
if (result) writeFileSync(result, JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }));
process.exit(code);
