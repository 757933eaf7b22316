/**
 * Golden files for the API Gateway document shapes: the `inspect --json` view of each small fixture
 * (protection, API key, warnings with their pointers) is compared with a committed file. Rewrite
 * them after an intended change with `GATECHECK_UPDATE_GOLDEN=1 npx mocha test/model/shape-golden.test.ts`
 * and review the diff.
 */
import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadSpec } from '../../generators/load/load-spec.js';
import { buildModel } from '../../generators/model/build-model.js';
import { withTokenSources } from '../../generators/cli/token-source-summary.js';
import { summariseModel } from '../../generators/model/summarise-model.js';

const fixtures = new URL('../fixtures/specs/', import.meta.url).pathname;
const golden = new URL('../fixtures/golden/', import.meta.url).pathname;

export const shapeFixtures = [
  'swagger-number-version.yaml',
  'oas3-swagger-security-definitions.json',
  'two-entry-security.json',
  'sam-body.yaml',
  'lambda-authorizers.json',
  'cognito-validation-expression.json',
  'lambda-cognito-token.json',
  'lambda-cognito-request.json',
  'several-pools.json',
];

describe('API Gateway document shapes (golden inspect --json)', () => {
  for (const name of shapeFixtures) {
    it(name, async () => {
      const model = buildModel(await loadSpec(`${fixtures}${name}`));
      const summary = withTokenSources(model, summariseModel(model));
      // The source path depends on the checkout; the golden file keeps only the file name.
      const text = `${JSON.stringify({ ...summary, source: name }, null, 2)}\n`;
      const file = `${golden}${name.replace(/\.(json|ya?ml)$/, '')}.inspect.json`;
      if (process.env.GATECHECK_UPDATE_GOLDEN === '1' || !existsSync(file))
        writeFileSync(file, text);
      expect(text).to.equal(readFileSync(file, 'utf8'));
    });
  }
});
