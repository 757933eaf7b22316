// The end-to-end tier: tests that run newman over HTTP against the sandbox, the proof suite, the
// CLI as a child process, the packed package installed elsewhere, and the browser. The unit tier
// (.mocharc.unit.cjs) is every other test file.
const spec = [
  'test/e2e/**/*.test.ts',
  'test/**/*.newman.test.ts',
  'test/negative/forgeries.test.ts',
  'test/negative/mutation.test.ts',
  'test/negative/revocation.test.ts',
  'test/negative/token-sources.test.ts',
  'test/negative/traps.test.ts',
  'test/run/part-pool.test.ts',
  'test/run/run-cli.test.ts',
  'test/run/run-collection.test.ts',
  'test/run/sandbox-run.test.ts',
  'test/run/smoke.test.ts',
  'test/aws/aws-commands.test.ts',
  'test/aws/tokens-from-sdk-run.test.ts',
  'test/docs/sign-in-commands.test.ts',
  'test/sandbox/start-sandbox-cli.test.ts',
];

module.exports = { ...require('./.mocharc.json'), spec };
