/**
 * Scripts of the revocation folder (plan-revocation-checks.ts): each step builds its Cognito
 * JSON API body in its pre-request script and asserts Cognito's answer in its test script
 * (scripts/library/revocation-check.js).
 */
import type { RevocationCheck } from '../plan/plan-revocation-checks.js';
import { revocationData } from './negative-script-data.js';
import type { CheckScripts } from './render-negative-scripts.js';
import { renderScript } from './render-script.js';

export function renderRevocationScripts(check: RevocationCheck): Required<CheckScripts> {
  const data = { check: revocationData(check) };
  return {
    prerequest: renderScript('checks/revocation.prerequest.js.hbs', data),
    test: renderScript('checks/revocation.test.js.hbs', data),
  };
}
