/**
 * What `inspect` says about the check depth: how many requests the operation folders send at that
 * depth, and which operation carries each authorizer's token-validation checks.
 */
import type { ApiModel } from '../model/types.js';
import { representativeOperations, type CheckDepth } from '../plan/check-depth.js';
import { planCollection } from '../plan/plan-collection.js';
import { printable } from '../terminal-text.js';

export function depthSummaryLines(model: ApiModel, depth: CheckDepth): string[] {
  const plan = planCollection(model, { depth });
  const requests = plan.operations.reduce(
    (sum, operation) => sum + operation.checks.filter((check) => check.role !== 'unchecked').length,
    0,
  );
  const protectedCount = model.operations.filter(
    (operation) => operation.protection.kind === 'cognito' || operation.protection.kind === 'jwt',
  ).length;
  const perOperation =
    protectedCount > 0
      ? ` (${(requests / protectedCount).toFixed(1)} per protected operation)`
      : '';
  const lines = [`checks at --depth ${depth}: ${requests} request(s) per run${perOperation}`];
  if (depth === 'standard') {
    const chosen = representativeOperations(model);
    for (const operation of model.operations) {
      const protection = operation.protection;
      if (!chosen.has(operation.id) || (protection.kind !== 'cognito' && protection.kind !== 'jwt'))
        continue;
      lines.push(
        printable(
          `  token forgeries for ${protection.scheme} (${protection.tokenKind === 'id' ? 'ID' : 'access'} token): on ${operation.method.toUpperCase()} ${operation.path}`,
        ),
      );
    }
  } else if (depth === 'smoke') lines.push('  no token forgeries');
  else lines.push('  token forgeries on every operation');
  return lines;
}
