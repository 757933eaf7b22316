/** What a run resolves to (runCollection); the command prints its summary (reports/run-summary.ts). */
import type { ExitCode } from '../errors.js';
import type { CheckTally } from './reports/check-tally.js';
import type { CognitoError } from './newman/cognito-exchange.js';
import type { RunReport } from './reports/run-report.js';

/** Why the sign-in (or a worker's own) failed: Cognito's error, or what the sign-in lacked. */
export interface SignInFailure {
  cognito?: CognitoError;
  problem?: string;
}

export interface RunCollectionResult {
  exitCode: ExitCode;
  tally: CheckTally;
  signIns: number;
  durationMs: number;
  reportDir: string;
  signInFailure?: SignInFailure;
  /** Newman runs the operation folders were shared among. */
  workers: number;
  /** What summary.json holds (unmasked: the caller masks what it shows). */
  report: RunReport;
  /** Ctrl-C stopped the run: the report holds the parts that finished before. */
  partial?: boolean;
  /** Masks every secret the run knew of, the tokens it captured included. */
  mask: (text: string) => string;
}
