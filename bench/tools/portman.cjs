// Converts one spec with @apideck/portman (its default config, contract tests included) and writes
// the collection. Prints {"maxRssKb", "workMs"} on success (workMs: after the modules are
// loaded); the benchmark measures wall time from outside.
const path = require('node:path');
const { Portman } = require('@apideck/portman/dist/Portman.js');

const [spec, out] = process.argv.slice(2);
const started = process.hrtime.bigint();
const portmanDir = path.dirname(require.resolve('@apideck/portman/package.json'));
const portman = new Portman({
  oaLocal: spec,
  output: out,
  includeTests: true,
  portmanConfigFile: path.join(portmanDir, 'portman-config.default.json'),
  postmanConfigFile: path.join(portmanDir, 'postman-config.default.json'),
  baseUrl: 'http://127.0.0.1',
});
// Portman reports a broken spec on the console and exits 1 itself.
portman.run().then(() => {
  process.stdout.write(
    JSON.stringify({
      maxRssKb: process.resourceUsage().maxRSS,
      workMs: Number(process.hrtime.bigint() - started) / 1e6,
    }),
  );
});
