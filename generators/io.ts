/**
 * Output streams, injectable so tests can run commands and runs in-process. Shared by the runner
 * (`run/`) and the CLI (`cli/`), so it lives beside neither.
 */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Whether stdout / stderr are terminals (colour by default); absent: neither is. */
  terminal?: { out: boolean; err: boolean };
  /** Lines printed only with `--verbose` (on stderr); absent: dropped. */
  verbose?: (line: string) => void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  terminal: { out: process.stdout.isTTY === true, err: process.stderr.isTTY === true },
};
