/**
 * One mutation run: a fresh sandbox started with the given faults, the example's collection
 * generated against it and run with newman in-process; what failed, by item name.
 */
import newman from 'newman';
import { loadSpec } from '../../generators/load/load-spec.js';
import { buildModel } from '../../generators/model/build-model.js';
import type { ApiModel } from '../../generators/model/types.js';
import { planCollection } from '../../generators/plan/plan-collection.js';
import type { NegativeCheck } from '../../generators/plan/types.js';
import { renderCollection } from '../../generators/render/render-collection.js';
import { startSandbox, type Fault } from '../../sandbox/index.js';
import { sandboxOAuthValues } from '../../generators/cli/sandbox-oauth.js';
import { sandboxRunValues } from '../run/sandbox-values.js';

export const runGuard = 'gatecheck · run guard';

export interface PlannedNegative {
  check: NegativeCheck;
  /** The operation's folder, e.g. `GET /users/{id}`. */
  operation: string;
}

export interface RunOutcome {
  gatewayKind: ApiModel['gatewayKind'];
  /** Names of the items with at least one failed assertion. */
  failing: Set<string>;
  /** Every negative item of the collection, by name. */
  negatives: Map<string, PlannedNegative>;
  skipped: number;
}

export async function runAgainstSandbox(spec: string, faults: Fault[]): Promise<RunOutcome> {
  const sandbox = await startSandbox({ specPath: spec, faults });
  try {
    const model = buildModel(await loadSpec(spec), { baseUrl: sandbox.apiBaseUrl });
    const plan = planCollection(model);
    const negatives = new Map<string, PlannedNegative>();
    for (const operation of plan.operations)
      for (const check of operation.checks)
        if (check.role === 'negative')
          negatives.set(check.name, { check, operation: operation.title });
    // The refresh token a person gets once from the code flow (GATECHECK_REFRESH_TOKEN).
    const values = { ...sandboxRunValues(sandbox), ...(await sandboxOAuthValues(sandbox)).values };
    const failing = new Set<string>();
    let skipped = 0;
    await new Promise<void>((resolve, reject) => {
      newman
        .run(
          {
            collection: renderCollection(model, plan, {
              forSandbox: true,
            }) as unknown as newman.NewmanRunOptions['collection'],
            environment: { values: Object.entries(values).map(([key, value]) => ({ key, value })) },
            reporters: [],
          },
          (error) => (error ? reject(error) : resolve()),
        )
        .on('assertion', (error, args) => {
          if ((args as unknown as { skipped?: boolean }).skipped) skipped += 1;
          else if (error) failing.add(args.item.name);
        });
    });
    return { gatewayKind: model.gatewayKind, failing, negatives, skipped };
  } finally {
    await sandbox.stop();
  }
}
