/**
 * Progress lines on stderr, one per finished item, numbered by checks (the same count as the
 * summary, summary.json and JUnit): `[12/43] GET /users/{id} · no-token: passed`. A skipped check
 * says so, with its reason (never `ok`); an item that is no check (a sign-in request, a set-up or
 * cleanup request) has no number, and one that sent nothing prints nothing. Shared by all workers
 * of a run. Item names carry no secrets (they are built from the spec); reasons are masked by the
 * caller's `print`, as everything printed is. A name may hold terminal control sequences from the
 * spec or a collection: they are removed before printing.
 */
import { printable } from '../../terminal-text.js';
import type { ItemOutcome } from '../newman/newman-part.js';

export interface Progress {
  itemDone(itemName: string, outcome: ItemOutcome): void;
}

const WORDS: Record<ItemOutcome['status'], string> = {
  passed: 'passed',
  failed: 'FAILED',
  inconclusive: 'INCONCLUSIVE',
  skipped: 'skipped',
};

export function createProgress(total: number, print: (line: string) => void): Progress {
  let done = 0;
  const width = String(total).length;
  const blank = ' '.repeat(width * 2 + 3);
  return {
    itemDone(itemName, outcome) {
      if (!outcome.check) {
        if (outcome.status === 'skipped') return;
        print(`${blank} ${itemName}: ${outcome.status === 'failed' ? 'FAILED' : 'ok'}`);
        return;
      }
      done += 1;
      const counter = `[${String(done).padStart(width)}/${Math.max(total, done)}]`;
      const reason = outcome.status !== 'passed' && outcome.reason ? ` (${outcome.reason})` : '';
      print(`${counter} ${printable(itemName)}: ${WORDS[outcome.status]}${printable(reason)}`);
    },
  };
}
