// Converts one spec with openapi-to-postmanv2 (default options) and writes the collection.
// Prints {"maxRssKb", "workMs"} on success (workMs: after the modules are loaded); the benchmark
// measures wall time from outside.
const fs = require('node:fs');
const Converter = require('openapi-to-postmanv2');

const [spec, out] = process.argv.slice(2);
const started = process.hrtime.bigint();
Converter.convert({ type: 'file', data: spec }, {}, (error, result) => {
  if (error || !result.result) {
    process.stderr.write(`openapi-to-postmanv2 failed: ${error ? error.message : result.reason}\n`);
    process.exit(1);
  }
  fs.writeFileSync(out, JSON.stringify(result.output[0].data));
  process.stdout.write(
    JSON.stringify({
      maxRssKb: process.resourceUsage().maxRSS,
      workMs: Number(process.hrtime.bigint() - started) / 1e6,
    }),
  );
});
