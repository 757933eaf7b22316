/**
 * The CI workflows under examples/ci/ and the README's plain-newman command: current action
 * majors, an LTS Node, a JUnit test summary, the reports kept as an artifact even when checks
 * fail, and no report written where nobody asked for one.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[] }>;
}

/** The current major of each action used (checked 2026-12: checkout v7, setup-node v7, ...). */
const currentMajors: Record<string, string> = {
  'actions/checkout': 'v7',
  'actions/setup-node': 'v7',
  'actions/upload-artifact': 'v7',
  'mikepenz/action-junit-report': 'v6',
};

for (const file of ['examples/ci/github-actions.yml', 'examples/ci/smoke-after-deploy.yml']) {
  describe(file, () => {
    const workflow = yaml.load(readFileSync(file, 'utf8')) as Workflow;
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const uses = (action: string) => steps.find((step) => step.uses?.split('@')[0] === action);

    it('uses the current major of every action', () => {
      for (const step of steps.filter((candidate) => candidate.uses)) {
        const [action, version] = step.uses!.split('@');
        expect(currentMajors, step.uses).to.have.property(action!, version);
      }
      for (const action of Object.keys(currentMajors))
        expect(uses(action), action).to.not.equal(undefined);
    });

    it('runs on Node 22 LTS', () => {
      expect(uses('actions/setup-node')?.with?.['node-version']).to.equal(22);
    });

    it('publishes a JUnit test summary of the checks, also when they fail', () => {
      const summary = uses('mikepenz/action-junit-report')!;
      expect(summary.if).to.equal('always()');
      expect(summary.with?.['report_paths']).to.equal('reports/**/junit.xml');
    });

    it('uploads the reports as an artifact, also when the checks fail', () => {
      const upload = uses('actions/upload-artifact')!;
      expect(upload.if).to.equal('always()');
      expect(upload.with?.['path']).to.equal('reports/');
    });

    it('hands secrets over in the environment only, never on a command line', () => {
      for (const step of steps.filter((candidate) => candidate.run))
        expect(step.run, step.run).to.not.match(/secrets\./);
    });
  });
}

describe("README's plain-newman command", () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('### Plain newman'));
  const command = /```sh\n(npx newman run[\s\S]*?)```/.exec(section)?.[1] ?? '';

  it('gives every file-writing reporter an export path, so no ./newman/ folder is left', () => {
    expect(command).to.include('npx newman run');
    const reporters = /--reporters (\S+)/.exec(command)?.[1]?.split(',') ?? [];
    expect(reporters).to.include('junit');
    for (const reporter of reporters.filter((name) => name !== 'cli'))
      expect(command, reporter).to.match(new RegExp(`--reporter-${reporter}-export reports/`));
  });
});
