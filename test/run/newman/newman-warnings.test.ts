import { expect } from 'chai';
import '../../../generators/run/newman/newman-warnings.js';

describe("newman's load-time deprecation warning", () => {
  it('drops DEP0176 (fs.F_OK, read by newman on Node 24) and keeps every other warning', async () => {
    const seen: string[] = [];
    const listener = (warning: Error & { code?: string }) => seen.push(String(warning.code));
    process.on('warning', listener);
    try {
      process.emitWarning('fs.F_OK is deprecated', { type: 'DeprecationWarning', code: 'DEP0176' });
      process.emitWarning('fs.F_OK is deprecated', 'DeprecationWarning', 'DEP0176');
      process.emitWarning('something else', { type: 'DeprecationWarning', code: 'DEP0999' });
      process.emitWarning('another', 'Warning', 'GATECHECK_TEST');
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(seen).to.deep.equal(['DEP0999', 'GATECHECK_TEST']);
  });
});
