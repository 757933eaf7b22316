/**
 * Operations gatecheck cannot check (behind a Lambda or IAM authorizer it has no credentials for,
 * or an undeclared scheme) are never silently left out: each gets one item that sends nothing and
 * is reported as skipped with the reason, so the run summary counts and names it.
 */
import type { ApiModel, Operation } from '../model/types.js';
import { contentId } from './content-id.js';
import { requestBase } from './plan-negative-checks.js';
import { operationTitle } from './plan-positive-checks.js';
import { checkTarget } from './sentinel-targets.js';
import type { UncheckedOperation } from './types.js';

export function planUncheckedOperations(
  model: ApiModel,
  operation: Operation,
): UncheckedOperation[] {
  const protection = operation.protection;
  if (protection.kind !== 'unsupported') return [];
  return [
    {
      ...requestBase(model, operation, checkTarget(operation, [])),
      id: contentId(model.slug, operation.id, 'unchecked'),
      name: `${operationTitle(operation)} · not checked`,
      role: 'unchecked',
      token: { from: 'none' },
      reason: `behind ${protection.description}, which gatecheck cannot obtain credentials for`,
    },
  ];
}
