/**
 * Entry point of a worker process (forked by part-pool.ts): runs the newman parts the runner
 * sends, several at once, and reports secrets, finished items and results back over IPC.
 *
 * Why a process: newman's script engine (postman-sandbox on a `vm` context) costs CPU on every
 * request, so newman runs sharing one Node process are bound to one core however many run at once.
 *
 * The process prints nothing (the runner prints, masked) and ends when the runner disconnects.
 */
import { runPart } from './newman-part.js';
import type { FromWorker, ToWorker } from './part-messages.js';
import { SecretSet } from '../reports/secret-mask.js';

function send(message: FromWorker): void {
  process.send?.(message);
}

/** Values the runner already knows need not travel back. */
const fromRunner = new Set<string>();
/** One set for the process: a secret met by one of its parts is masked in all of them. */
const secrets = new SecretSet((value) => {
  if (!fromRunner.has(value)) send({ type: 'secret', value });
});

process.on('message', (message: ToWorker) => {
  if (message.type !== 'run') return;
  const { id, part } = message;
  for (const value of part.secrets) {
    fromRunner.add(value);
    secrets.add(value);
  }
  runPart({
    ...part,
    secrets,
    onItem: (name, failed, outcome) =>
      send({ type: 'item', id, name, failed, ...(outcome ? { outcome } : {}) }),
  }).then(
    (result) => send({ type: 'done', id, result }),
    (error: unknown) =>
      send({
        type: 'failed',
        id,
        message: secrets.mask(error instanceof Error ? error.message : String(error)),
      }),
  );
});

// Ctrl-C reaches the whole process group: the runner decides (it writes the partial report and
// lets this process go), so the signal alone does not end it.
process.on('SIGINT', () => undefined);

// The runner is gone or finished: newman may keep sockets open, so leave now.
process.on('disconnect', () => process.exit(0));

send({ type: 'ready' });
