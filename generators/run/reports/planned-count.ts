/**
 * The number of checks a collection plans, as its run guard carries it
 * (`gatecheck.run.guard(pm, {"expectedCheckCount":N})`, scripts/library/run-guard.js).
 */
import type { PostmanItem } from '../inputs/collection-file.js';

const EXPECTED = /"expectedCheckCount"\s*:\s*(\d+)/;

export function plannedCheckCount(guards: PostmanItem[]): number | null {
  for (const guard of guards) {
    const events = Array.isArray(guard.event) ? (guard.event as GuardEvent[]) : [];
    for (const event of events) {
      const exec = event.script?.exec;
      const text = Array.isArray(exec) ? exec.join('\n') : (exec ?? '');
      const match = EXPECTED.exec(text);
      if (match) return Number(match[1]);
    }
  }
  return null;
}

interface GuardEvent {
  script?: { exec?: string[] | string };
}
