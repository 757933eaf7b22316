import type { Io } from '../../generators/io.js';

/** An Io that keeps every line, for commands run in-process. */
export function capture(terminal?: Io['terminal']) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    ...(terminal ? { terminal } : {}),
  };
  return { io, out, err };
}
