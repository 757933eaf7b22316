/**
 * Names the authorization checks share: the collection (render/render-authz.ts), its scripts
 * (scripts/library/authz-check.js, through `gatecheck.constants.authzVariables`), the runner
 * (run/authz-matrix.ts, run/persona-credentials.ts) and the CLI's persona users.
 */

/** The collection variable listing the personas (names and credential variables, no values). */
export const authzPersonasVariable = 'gatecheck.authz.personas';

/** The collection variable the persona checks leave the matrix in; the runner reads it. */
export const authzMatrixVariable = 'gatecheck.authz.matrix';

/** What the library reads from `gatecheck.constants.authzVariables`. */
export const authzVariables = {
  matrix: authzMatrixVariable,
  /** The objects the run created, deleted by the cleanup item. */
  cleanup: 'gatecheck.authz.cleanup',
  /** Prefix of a persona's own variables: `gatecheck.persona.<persona>.<name>`. */
  personaPrefix: 'gatecheck.persona.',
  /** Prefix of a check's sign-in problem, from its pre-request script to its test script. */
  problemPrefix: 'gatecheck.authz.problem.',
  /** Where a cleanup path takes the created object's id. */
  objectIdMarker: '{gatecheck-object-id}',
};

/** The run-time variable of a persona's credential or token (scripts/library/authz-check.js). */
export function personaVariable(persona: string, name: 'username' | 'password'): string {
  return `${authzVariables.personaPrefix}${persona}.${name}`;
}
