/**
 * Worker processes for the operation folders of a parallel run. Each process (part-worker.ts)
 * loads newman once and runs the parts it is given at the same time; parts go to the process with
 * the fewest unfinished ones. The processes are started as soon as the pool is, so they load
 * newman while the runner signs in.
 *
 * A process inherits the runner's Node options (e.g. the TypeScript loader in development) but
 * not its GATECHECK_* or AWS_* variables: it gets everything it needs over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { setTimeout as sleepMs } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { ItemOutcome, PartResult } from './newman-part.js';
import type { FromWorker, PartSpec, ToWorker } from './part-messages.js';
import type { SecretSet } from '../reports/secret-mask.js';

export interface PartPool {
  readonly size: number;
  /** Runs one part in a worker process; `onItem` is called as its items finish. */
  run(part: PartSpec, onItem?: ItemListener): Promise<PartResult>;
  /** Lets the processes go and waits until they have ended. */
  close(): Promise<void>;
}

/**
 * Processes worth sharing this many newman runs among, the runner's own included: no more than
 * the runs, nor than the cores (more processes than cores only adds start-up time: each one
 * loads newman and warms it up).
 */
export function defaultProcessCount(runs: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(runs, cores));
}

type ItemListener = (name: string, failed: boolean, outcome?: ItemOutcome) => void;

interface Pending {
  resolve: (result: PartResult) => void;
  reject: (error: Error) => void;
  onItem: ItemListener | undefined;
}

interface Worker {
  child: ChildProcess;
  ready: boolean;
  gone: boolean;
  waiting: ToWorker[];
  pending: Map<number, Pending>;
  stderr: string;
  ended: Promise<void>;
}

/** Last characters of a worker's stderr kept for the error message if it dies. */
const STDERR_TAIL = 2000;

export function startPartPool(size: number, secrets: SecretSet): PartPool {
  const workers = Array.from({ length: size }, () => startWorker(secrets));
  let nextId = 1;
  return {
    size,
    run(part, onItem) {
      const worker = workers
        .filter((candidate) => !candidate.gone)
        .reduce<Worker | undefined>(
          (least, candidate) =>
            !least || candidate.pending.size < least.pending.size ? candidate : least,
          undefined,
        );
      if (!worker) return Promise.reject(new Error('no newman worker process is left'));
      const id = nextId++;
      return new Promise<PartResult>((resolve, reject) => {
        worker.pending.set(id, { resolve, reject, onItem });
        const message: ToWorker = { type: 'run', id, part };
        if (worker.ready) worker.child.send(message);
        else worker.waiting.push(message);
      });
    },
    async close() {
      for (const worker of workers) if (worker.child.connected) worker.child.disconnect();
      await Promise.all(workers.map((worker) => worker.ended));
    },
  };
}

function startWorker(secrets: SecretSet): Worker {
  const child = fork(workerModule(), [], {
    execArgv: workerExecArgv(),
    env: workerEnv(process.env),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  const worker: Worker = {
    child,
    ready: false,
    gone: false,
    waiting: [],
    pending: new Map(),
    stderr: '',
    // 'exit', not 'close': with an IPC channel the runner itself disconnected, 'close' may never
    // come; 'error' alone when the process could not be started.
    ended: new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    }),
  };
  child.stderr?.on('data', (chunk: Buffer) => {
    worker.stderr = (worker.stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
  });
  child.on('message', (message: FromWorker) => {
    switch (message.type) {
      case 'ready':
        worker.ready = true;
        for (const waiting of worker.waiting.splice(0)) child.send(waiting);
        break;
      case 'secret':
        secrets.add(message.value);
        break;
      case 'item':
        worker.pending.get(message.id)?.onItem?.(message.name, message.failed, message.outcome);
        break;
      case 'done':
        worker.pending.get(message.id)?.resolve(message.result);
        worker.pending.delete(message.id);
        break;
      case 'failed':
        worker.pending.get(message.id)?.reject(new Error(message.message));
        worker.pending.delete(message.id);
        break;
    }
  });
  const lost = (why: string) => {
    worker.gone = true;
    const detail = worker.stderr.trim();
    for (const pending of worker.pending.values()) {
      pending.reject(
        new Error(`a newman worker process ${why}${detail ? `: ${secrets.mask(detail)}` : ''}`),
      );
    }
    worker.pending.clear();
  };
  child.on('error', (error) => lost(`could not run (${error.message})`));
  child.on('exit', (code, signal) => {
    worker.gone = true;
    // Let the last words on stderr (a stack trace) arrive before telling what happened.
    void stderrEnded(child).then(() => lost(`ended early (${signal ?? `exit code ${code}`})`));
  });
  return worker;
}

function stderrEnded(child: ChildProcess): Promise<void> {
  const stderr = child.stderr;
  if (!stderr || stderr.readableEnded) return Promise.resolve();
  return Promise.race([
    new Promise<void>((resolve) => stderr.once('end', () => resolve())),
    sleepMs(200).then(() => undefined),
  ]);
}

/** part-worker.js next to this module (part-worker.ts when running from source). */
function workerModule(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), `part-worker${extname(here)}`);
}

/** Node options that name what the runner itself runs, or a port only one process can have. */
const NOT_INHERITED = /^(-e|--eval|-p|--print|--inspect(-brk|-port)?|--debug-port)(=|$)/;
const TAKES_VALUE = /^(-e|--eval|-p|--print)$/;

function workerExecArgv(): string[] {
  return inheritedNodeOptions(process.execArgv, extname(fileURLToPath(import.meta.url)) === '.ts');
}

/**
 * The runner's Node options a worker process gets: all but the code the runner was started with
 * (`-e`/`-p`) and debugger ports. From source, a worker needs the TypeScript loader too.
 */
export function inheritedNodeOptions(execArgv: string[], fromSource: boolean): string[] {
  const inherited: string[] = [];
  for (let index = 0; index < execArgv.length; index += 1) {
    const arg = execArgv[index] ?? '';
    if (!NOT_INHERITED.test(arg)) inherited.push(arg);
    else if (TAKES_VALUE.test(arg)) index += 1;
  }
  if (fromSource && !inherited.some((arg) => arg.includes('tsx'))) {
    inherited.push('--import', 'tsx');
  }
  return inherited;
}

function workerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !/^(GATECHECK|AWS)_/i.test(name)),
  );
}
