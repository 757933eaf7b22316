// The unit tier: every test file not in the end-to-end tier (.mocharc.e2e.cjs).
const e2e = require('./.mocharc.e2e.cjs');

module.exports = { ...require('./.mocharc.json'), spec: ['test/**/*.test.ts'], ignore: e2e.spec };
