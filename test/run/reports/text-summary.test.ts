import { expect } from 'chai';
import { emptyTally } from '../../../generators/run/reports/check-tally.js';
import {
  formatRunSummary,
  type RunSummaryFacts,
} from '../../../generators/run/reports/text-summary.js';

const facts = (signInFailure: RunSummaryFacts['signInFailure']): RunSummaryFacts => ({
  collectionName: 'API',
  tally: emptyTally(),
  signIns: 1,
  durationMs: 1000,
  workers: 1,
  notes: [],
  ...(signInFailure ? { signInFailure } : {}),
});

describe('run summary: what to change when the sign-in setting is wrong', () => {
  const cases: Array<[string, string, string]> = [
    [
      'a flow the app client does not allow',
      'Auth flow not enabled for this client',
      "set authFlow (GATECHECK_AUTH_FLOW) to a flow the app client allows, or add it to the client's ExplicitAuthFlows (USER_SRP_AUTH needs ALLOW_USER_SRP_AUTH)",
    ],
    [
      'an unknown authFlow',
      "1 validation error detected: Value 'USER_SPR_AUTH' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [USER_SRP_AUTH]",
      'set authFlow (GATECHECK_AUTH_FLOW) to USER_SRP_AUTH, USER_PASSWORD_AUTH or USER_AUTH',
    ],
    ['a wrong password', 'Incorrect username or password.', 'fix the sign-in first'],
  ];
  for (const [given, message, advice] of cases) {
    it(given, () => {
      const lines = formatRunSummary(
        facts({ cognito: { type: 'InvalidParameterException', message } }),
      );
      expect(lines[1]).to.equal(
        `  sign-in failed: Cognito answered InvalidParameterException: ${message}`,
      );
      expect(lines[2]).to.equal(`  the API checks were not run (or not counted): ${advice}`);
    });
  }
});
