import type { Fault, FaultName } from '../types.js';

/** The faults switched on, asked by name (and, for `authorizer-removed`, by method). */
export class FaultSet {
  private readonly faults: readonly Fault[];

  constructor(faults: readonly Fault[] = []) {
    this.faults = faults;
  }

  has(name: FaultName): boolean {
    return this.faults.some((fault) => fault.name === name);
  }

  /** `authorizer-removed` for this method: no target = every protected method. */
  authorizerRemovedFor(method: string, path: string): boolean {
    return this.faults.some(
      (fault) =>
        fault.name === 'authorizer-removed' &&
        (fault.target === undefined || sameTarget(fault.target, method, path)),
    );
  }
}

function sameTarget(target: string, method: string, path: string): boolean {
  const [targetMethod, ...rest] = target.trim().split(/\s+/);
  return targetMethod?.toUpperCase() === method && rest.join(' ') === path;
}
