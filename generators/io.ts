/**
 * Output streams, injectable so tests can run commands and runs in-process. Shared by the runner
 * (`run/`) and the CLI (`cli/`), so it lives beside neither.
 */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
