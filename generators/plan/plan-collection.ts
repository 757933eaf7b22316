/**
 * The plan of a whole collection: per operation, the positive check first, then the negative
 * checks (each right after its control) or the public check; and the number of checks a complete
 * run executes, which the run guard compares with the counters at the end.
 */
import type { ApiModel } from '../model/types.js';
import {
  catalogueScope,
  defaultCheckDepth,
  representativeOperations,
  type CheckDepth,
} from './check-depth.js';
import { planAuthzChecks, type AuthzPlan } from './plan-authz-checks.js';
import { countChecks, planNegativeChecks } from './plan-negative-checks.js';
import { operationTitle, planPositiveChecks } from './plan-positive-checks.js';
import { planUncheckedOperations } from './plan-unchecked-operations.js';
import { planRevocationChecks, type RevocationCheck } from './plan-revocation-checks.js';
import { planPkceChecks, type PkceCheck } from './plan-pkce-checks.js';
import type { CollectionPlan } from './types.js';

/** The operations' checks plus the revocation folder (checked against Cognito, not the API). */
export interface GatecheckPlan extends CollectionPlan {
  revocation: RevocationCheck[];
  /** PKCE at the user pool domain's token endpoint, when a method needs a user's OAuth 2.0 token. */
  pkce: PkceCheck[];
  /** The personas' authorization checks, when the API has rules (docs/authorization-matrix.md). */
  authz?: AuthzPlan;
  /** How deep the operations are checked (check-depth.ts). */
  depth: CheckDepth;
}

export interface PlanOptions {
  /** Default `standard`. */
  depth?: CheckDepth;
}

export function planCollection(model: ApiModel, options: PlanOptions = {}): GatecheckPlan {
  const depth = options.depth ?? defaultCheckDepth;
  const representatives = representativeOperations(model);
  const operations = model.operations.map((operation) => ({
    operationId: operation.id,
    title: operationTitle(operation),
    checks: [
      ...planPositiveChecks(model, operation),
      ...planNegativeChecks(model, operation, catalogueScope(depth, operation, representatives)),
      ...planUncheckedOperations(model, operation),
    ],
  }));
  const revocation = planRevocationChecks(model);
  const pkce = planPkceChecks(model);
  const authz = planAuthzChecks(model);
  return {
    operations,
    revocation,
    pkce,
    depth,
    ...(authz ? { authz } : {}),
    expectedCheckCount:
      countChecks([
        ...operations.flatMap((operation) => operation.checks),
        ...revocation,
        ...pkce,
      ]) + (authz?.requests.length ?? 0),
  };
}
