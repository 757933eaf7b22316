// Generates one spec with gatecheck (the built CLI, in-process) into an output folder.
// Prints {"maxRssKb": N} on success; the benchmark measures wall time from outside.
import { main } from '../../dist/generators/cli/main.js';

const [spec, outDir] = process.argv.slice(2);
const quiet = { out: () => {}, err: (line) => process.stderr.write(`${line}\n`) };
const code = await main(['generate', spec, '--out-dir', outDir], quiet);
if (code !== 0) process.exit(code);
process.stdout.write(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
