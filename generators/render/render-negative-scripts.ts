/**
 * Postman sandbox scripts of the negative checks, their controls and public checks, plus the items
 * that frame a run (counter reset first, run guard last). Each is one call into the collection's
 * script library (script-library.ts) with the check's data, rendered from the templates in
 * `scripts/checks/` through the one script engine (render-script.ts).
 */
import { countChecks } from '../plan/plan-negative-checks.js';
import type {
  ControlCheck,
  NegativeCheck,
  PublicCheck,
  UncheckedOperation,
} from '../plan/types.js';
import {
  controlTestData,
  negativePrerequestData,
  negativeTestData,
  publicData,
} from './negative-script-data.js';
import { renderScript } from './render-script.js';

export { countChecks };

export interface CheckScripts {
  /** Absent when the request item alone sends what the check needs (one script execution less). */
  prerequest?: string;
  test: string;
}

/**
 * The pre-request script sets the credentials the check sends (token header and API key header:
 * added, replaced or removed); the request item itself carries method, URL, body and any other
 * headers, and must not add a token through Postman `auth` (use `noauth`).
 */
export function renderNegativeScripts(
  check: ControlCheck | NegativeCheck | PublicCheck | UncheckedOperation,
): CheckScripts {
  switch (check.role) {
    case 'control':
      // The request item sends the captured token and the API key itself (render-request.ts).
      return {
        test: renderScript('checks/control.test.js.hbs', { check: controlTestData(check) }),
      };
    case 'negative': {
      const test = renderScript('checks/negative.test.js.hbs', {
        check: negativeTestData(check),
      });
      // No token, a literal, the other captured token, an omitted or wrong API key: the request
      // item carries exactly that (render-request.ts), so only forged and supplied or minted tokens
      // need a pre-request script. Each script execution costs the sandbox a round trip.
      if (!needsPrerequest(check)) return { test };
      return {
        prerequest: renderScript('checks/negative.prerequest.js.hbs', {
          check: negativePrerequestData(check),
        }),
        test,
      };
    }
    case 'public':
      // The request item sends the API key (`{{apiKey}}`) when the method needs one.
      return { test: renderScript('checks/public.test.js.hbs', { check: publicData(check) }) };
    case 'unchecked': {
      const data = { check: { id: check.id, label: 'operation', reason: check.reason } };
      return {
        prerequest: renderScript('checks/unchecked.prerequest.js.hbs', data),
        test: renderScript('checks/unchecked.test.js.hbs', data),
      };
    }
  }
}

function needsPrerequest(check: NegativeCheck): boolean {
  return check.token.from === 'forged' || check.token.from === 'variable';
}

/**
 * The last item of a collection: fails the run unless `ran + skipped` equals the planned count
 * (`countChecks` of every planned check) and no negative was inconclusive. The script works in a
 * test or a pre-request event; as a pre-request script it skips its own request.
 */
export function renderRunGuard(plan: { expectedCheckCount: number }): {
  name: string;
  test: string;
} {
  return {
    name: 'gatecheck · run guard',
    test: renderScript('checks/run-guard.js.hbs', {
      plan: { expectedCheckCount: plan.expectedCheckCount },
    }),
  };
}

/** The first item of a collection: resets the run counters; its request is skipped. */
export function renderRunStart(): { name: string; prerequest: string } {
  return {
    name: 'gatecheck · run start',
    prerequest: renderScript('checks/run-start.prerequest.js.hbs', {}),
  };
}
