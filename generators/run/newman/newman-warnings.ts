/**
 * newman 6 reads `fs.F_OK` when it loads (lib/run/secure-fs.js), which Node 24 deprecates
 * (DEP0176): a warning on every run that no gatecheck user can act on. Imported before newman, this
 * drops exactly that warning; every other warning is printed as before.
 */
const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;

function codeOf(rest: unknown[]): unknown {
  const [options, code] = rest;
  return typeof options === 'object' && options !== null
    ? (options as { code?: unknown }).code
    : code;
}

process.emitWarning = ((warning: unknown, ...rest: unknown[]) => {
  if (codeOf(rest) === 'DEP0176') return;
  emit(warning, ...rest);
}) as typeof process.emitWarning;

export {};
