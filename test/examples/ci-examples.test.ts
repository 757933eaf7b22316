/**
 * The CI examples use the CLI as it is: the sharded workflow runs every shard of its matrix with
 * `--shard i/n` and merges the shards' report folders with `gatecheck report merge`.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { parseShard } from '../../generators/run/reports/shard.js';

interface Step {
  run?: string;
}
interface Workflow {
  jobs: Record<string, { strategy?: { matrix?: { shard?: number[] } }; steps: Step[] }>;
}

describe('examples/ci/sharded-checks.yml', () => {
  const workflow = yaml.load(readFileSync('examples/ci/sharded-checks.yml', 'utf8')) as Workflow;

  it('runs shard i/n for every i of its matrix, then merges the shards in a job after them', () => {
    const shards = workflow.jobs.shard?.strategy?.matrix?.shard ?? [];
    const run = workflow.jobs.shard?.steps
      .map((step) => step.run ?? '')
      .find((text) => text.includes('gatecheck run'));
    const flag = /--shard \$\{\{ matrix\.shard \}\}\/(\d+)/.exec(run ?? '');
    expect(flag, run).to.not.equal(null);
    const count = Number(flag![1]);
    expect(shards).to.deep.equal(Array.from({ length: count }, (_, index) => index + 1));
    for (const index of shards)
      expect(parseShard(`${index}/${count}`)).to.deep.equal({ index, count });
    const merge = workflow.jobs.merge?.steps
      .map((step) => step.run ?? '')
      .find((text) => text.includes('gatecheck report merge'));
    expect(merge).to.match(/gatecheck report merge \S+ --out \S+/);
  });
});
