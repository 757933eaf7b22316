/**
 * The shared reference folder (real specs, the Postman collection schema) lives beside the
 * repository: `../shared`. GATECHECK_SHARED_DIR names another place.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const candidates = [
  process.env.GATECHECK_SHARED_DIR,
  resolve(import.meta.dirname, '../../../shared'),
  '/work/shared',
].filter((dir): dir is string => dir !== undefined && dir !== '');

export const sharedDir = candidates.find((dir) => existsSync(join(dir, 'specs'))) ?? candidates[0]!;
export const sharedSpecsDir = join(sharedDir, 'specs');
export const sharedSchemasDir = join(sharedDir, 'schemas');
