/**
 * What `inspect` says about the authorization checks: the rules it read, or how to turn the
 * checks on when there are none.
 */
import { authzCandidates } from '../load/load-authz.js';
import type { ApiModel } from '../model/types.js';

export function authzSummaryLines(model: ApiModel, specSource: string): string[] {
  const authz = model.authz;
  if (!authz) {
    const file = authzCandidates(specSource)[0] ?? 'gatecheck.authz.yaml';
    return [
      `authorization: no rules, so no BOLA/BFLA checks; write ${file} (or pass --authz FILE) to turn them on, see docs/authorization-matrix.md`,
    ];
  }
  const personas = authz.personas
    .map((persona) =>
      persona.groups.length ? `${persona.name} (${persona.groups.join(', ')})` : persona.name,
    )
    .join(', ');
  return [
    `authorization: rules from ${authz.source}: personas ${personas}`,
    ...authz.rules.map((rule) => {
      const operation = model.operations.find((candidate) => candidate.id === rule.operationId);
      const title = operation
        ? `${operation.method.toUpperCase()} ${operation.path}`
        : rule.operationId;
      const refused = rule.refuse.length
        ? `; refused (${rule.refusal.join(' or ')}): ${rule.refuse.join(', ')}`
        : '';
      const object = rule.object ? ` on ${rule.object}` : '';
      return `  ${title}${object}: allowed ${rule.allow.join(', ') || 'nobody'}${refused}`;
    }),
    `  credentials: ${authz.personas.map((persona) => `${persona.usernameEnv} / ${persona.passwordEnv}`).join(', ')}`,
  ];
}
