import newman from 'newman';
import { loadSpec } from '/work/main/generators/load/load-spec.js';
import { buildModel } from '/work/main/generators/model/build-model.js';
import { planCollection } from '/work/main/generators/plan/plan-collection.js';
import { renderCollection } from '/work/main/generators/render/render-collection.js';
import { startSandbox } from '/work/main/sandbox/index.js';
import { sandboxRunValues } from '/work/main/test/run/sandbox-values.js';
const spec = process.argv[2]!;
for (const fault of [undefined, 'api-key-not-enforced', 'token-use-ignored', 'scopes-ignored'] as const) {
  const sandbox = await startSandbox({ specPath: spec, faults: fault ? [{ name: fault }] : [] });
  const model = buildModel(await loadSpec(spec), { baseUrl: sandbox.apiBaseUrl });
  const collection = renderCollection(model, planCollection(model));
  const values = { ...sandboxRunValues(sandbox), otherPoolUsername: sandbox.otherPool.username };
  const failing = new Set<string>(); let skipped = 0;
  const t = Date.now();
  await new Promise<void>((resolve) => newman.run({ collection: collection as any, environment: { values: Object.entries(values).map(([key, value]) => ({ key, value })) } as any, reporters: [] }, () => resolve())
    .on('assertion', (err: any, a: any) => { if (a.skipped) skipped++; else if (err) failing.add(a.item.name + ' :: ' + a.assertion); }));
  console.log(fault ?? 'none', Date.now() - t, 'ms skipped', skipped, '→', [...failing].join(' | '));
  await sandbox.stop();
}
