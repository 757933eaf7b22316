/**
 * `gatecheck smoke` as a library call: right after a deploy, wait (bounded) until the deployment
 * answers, then run only the harmless part of the collection (smoke-selection.ts), stopping at the
 * first failure. Exit codes as for `runCollection`.
 */
import postmanCollection from 'postman-collection';
import { ExitCode } from '../../errors.js';
import { printable } from '../../terminal-text.js';
import { readCollectionFile, readEnvironmentFile } from '../inputs/collection-file.js';
import { rawUrlOf } from '../newman/collection-layout.js';
import {
  runCollection,
  type RunCollectionOptions,
  type RunCollectionResult,
} from '../run-collection.js';
import { firstSafeRequest, selectForSmoke } from './smoke-selection.js';
import { waitForDeployment } from './wait-for-deploy.js';

// postman-collection is CommonJS: named exports are read from its default export.
const { Property, Variable, VariableList } = postmanCollection;

export interface SmokeOptions extends Omit<RunCollectionOptions, 'select' | 'runGuard' | 'bail'> {
  /** Longest wait for a fresh deployment, in seconds (default 120). */
  waitSeconds?: number;
  /** Between two probes (default 2 s) and between two "still waiting" lines (default 5 s). */
  probeIntervalMs?: number;
  reportEveryMs?: number;
  fetchImpl?: typeof fetch;
  /** Milliseconds clock for the wait (tests). */
  clock?: () => number;
}

export type SmokeResult = RunCollectionResult | { exitCode: ExitCode; notReady: string };

export async function smokeCollection(options: SmokeOptions): Promise<SmokeResult> {
  const collection = selectForSmoke(await readCollectionFile(options.collectionPath));
  const environment = options.environmentPath
    ? await readEnvironmentFile(options.environmentPath)
    : undefined;
  const probe = firstSafeRequest(collection);
  const rawUrl = probe ? rawUrlOf(probe) : undefined;
  if (rawUrl) {
    // Variables resolve as in a run: run-time values over the environment over the collection.
    const variables: Record<string, unknown> = {};
    for (const variable of collection.variable ?? []) variables[variable.key] = variable.value;
    for (const variable of environment?.values ?? []) {
      if (variable.enabled !== false) variables[variable.key] = variable.value;
    }
    Object.assign(variables, options.values);
    const list = new VariableList(
      null as never,
      Object.entries(variables).map(([key, value]) => new Variable({ key, value })),
    );
    const url = Property.replaceSubstitutions(rawUrl, list);
    if (!/\{\{[^}]+\}\}/.test(url)) {
      const waited = await waitForDeployment({
        url,
        timeoutMs: (options.waitSeconds ?? 120) * 1000,
        intervalMs: options.probeIntervalMs ?? 2000,
        reportEveryMs: options.reportEveryMs ?? 5000,
        // The URL comes from the collection or environment: no control sequence is printed.
        say: (line) => options.io.err(printable(line)),
        sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
        ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
        ...(options.clock ? { now: options.clock } : {}),
      });
      if (!waited.ready) {
        options.io.err(
          printable(
            `gatecheck: the deployment did not answer within ${options.waitSeconds ?? 120} s ` +
              `(${url} last answered ${waited.lastAnswer}); no check was run`,
          ),
        );
        return { exitCode: ExitCode.couldNotRun, notReady: waited.lastAnswer };
      }
    }
  }
  return runCollection({
    ...options,
    select: selectForSmoke,
    runGuard: false,
    bail: true,
  });
}
