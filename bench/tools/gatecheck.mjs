// Generates one spec with gatecheck (the built CLI, in-process) into an output folder.
// Prints {"maxRssKb", "workMs"} on success (workMs: after the modules are loaded); the benchmark
// measures wall time from outside.
import { main } from '../../dist/generators/cli/main.js';
// The command loads its modules on use; load them before the clock starts, as the other tools do.
await Promise.all([
  import('../../dist/generators/load/load-spec.js'),
  import('../../dist/generators/model/build-model.js'),
  import('../../dist/generators/render/render-outputs.js'),
  import('../../dist/generators/write/write-files.js'),
]);

const [spec, outDir] = process.argv.slice(2);
const quiet = { out: () => {}, err: (line) => process.stderr.write(`${line}\n`) };
const started = process.hrtime.bigint();
const code = await main(['generate', spec, '--out-dir', outDir], quiet);
if (code !== 0) process.exit(code);
process.stdout.write(
  JSON.stringify({
    maxRssKb: process.resourceUsage().maxRSS,
    workMs: Number(process.hrtime.bigint() - started) / 1e6,
  }),
);
