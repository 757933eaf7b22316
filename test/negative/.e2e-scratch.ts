import newman from 'newman';
import { loadSpec } from '/work/main/generators/load/load-spec.js';
import { buildModel } from '/work/main/generators/model/build-model.js';
import { planCollection } from '/work/main/generators/plan/plan-collection.js';
import { renderCollection } from '/work/main/generators/render/render-collection.js';
import { startSandbox, faultNames } from '/work/main/sandbox/index.js';
import { sandboxRunValues } from '/work/main/test/run/sandbox-values.js';
const spec = process.argv[2]!;
const sandbox = await startSandbox({ specPath: spec });
const model = buildModel(await loadSpec(spec), { baseUrl: sandbox.apiBaseUrl });
const plan = planCollection(model);
const collection = renderCollection(model, plan);
const values = { ...sandboxRunValues(sandbox), otherPoolUsername: sandbox.otherPool.username };
for (const fault of [undefined, ...faultNames.filter((f) => f !== 'owner-check-removed')]) {
  sandbox.setFaults(fault ? [{ name: fault }] : []);
  const failing = new Set<string>();
  await new Promise<void>((resolve) => newman.run({ collection: collection as any, environment: { values: Object.entries(values).map(([key, value]) => ({ key, value })) } as any, reporters: [] }, () => resolve())
    .on('assertion', (err: any, a: any) => { if (err && !a.skipped) failing.add(a.item.name); }));
  console.log(fault ?? 'none', '→', [...failing].join(' | '));
}
await sandbox.stop();
