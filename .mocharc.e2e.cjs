// The end-to-end tier: tests that run newman over HTTP against the sandbox, the proof suite, the
// CLI as a child process, the packed package installed elsewhere, and the browser. The unit tier
// (.mocharc.unit.cjs) is every other test file.
const spec = [
  'test/e2e/**/*.test.ts',
  'test/**/*.newman.test.ts',
  'test/checks/forgeries.test.ts',
  'test/checks/mutation.test.ts',
  'test/checks/revocation.test.ts',
  'test/checks/token-sources.test.ts',
  'test/checks/traps.test.ts',
  'test/run/newman/part-pool.test.ts',
  'test/run/run-cli.test.ts',
  'test/run/run-collection.test.ts',
  'test/run/sandbox-run.test.ts',
  'test/run/smoke/smoke.test.ts',
  'test/aws/aws-commands.test.ts',
  'test/aws/tokens-from-sdk-run.test.ts',
  'test/docs/sign-in-commands.test.ts',
  'test/sandbox/start-sandbox-cli.test.ts',
];

module.exports = { ...require('./.mocharc.json'), spec };
