import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import vm from 'node:vm';
import { scriptsDir } from '../../../generators/render/render-script.js';
import {
  libraryConstants,
  libraryFiles,
  type LibraryOptions,
} from '../../../generators/render/script-library.js';

export type LibraryFile = (typeof libraryFiles)[number];

/** A CryptoJS word array: only passed between the library's own functions here. */
export type Words = object;

/** What the fragments under test add to `gatecheck` (the rest is reached through these). */
export interface Library {
  constants: ReturnType<typeof libraryConstants>;
  state: {
    read(pm: unknown, name: string): string;
    sandboxUrl(pm: unknown): string;
    count(pm: unknown, name: string): void;
    variable(kind: 'verdict' | 'skip' | 'unbuilt', id: string): string;
    take(pm: unknown, name: string): string | undefined;
    parseJson<T>(text: unknown, fallback: T): T;
    skip(pm: unknown, check: { id: string; label: string }, reason: string): void;
    answers(check: { gateway: string }): { requestIdHeaders: string[] };
    sendApiKey(pm: unknown, check: { apiKey?: { header: string } }): void;
    assertAnswered(pm: unknown, check: { label: string }): boolean;
    tokenHeaderValue(tokenHeader: string, token: string): string;
    requestIdPresent(response: unknown, headers: string[]): boolean;
    errorType(response: unknown): string;
    reachedIntegration(
      response: unknown,
      gatewayBodies: Array<{ status: number; text: string }>,
    ): boolean;
  };
  base64url: {
    toWords(text: string): Words;
    fromWords(words: Words): string;
    decodeJson(part: string): unknown;
    encodeJson(value: unknown): string;
  };
  jwt: {
    split(
      token: string,
    ): [Record<string, unknown>, Record<string, unknown>, string, string[]] | null;
    claims(token: unknown): Record<string, unknown>;
  };
  srp: {
    newSecret(): string;
    publicValue(secretHex: string): string;
    poolName(userPoolId: string): string;
    timestamp(date: Date): string;
    signature(claim: {
      poolName: string;
      userId: string;
      password: string;
      secret: string;
      salt: string;
      srpB: string;
      secretBlock: string;
      timestamp: string;
    }): string;
  };
  forgeToken(
    pm: unknown,
    forgery: string,
    variant: string | undefined,
    jwt: NonNullable<ReturnType<Library['jwt']['split']>>,
    done: (reason: string | null, token?: string) => void,
  ): void;
}

/**
 * Library fragments (scripts/library/*.js) loaded in plain Node, the way the collection's
 * pre-request script defines them: one sloppy-mode global `gatecheck` holding the constants, each
 * named fragment run after it in the library's order, `require('crypto-js')` resolving to the
 * crypto-js version postman-sandbox bundles. No Postman runtime: every function takes its `pm` as
 * an argument, so a test passes a stub (stub-pm.ts).
 */
export function loadFragments(
  files: readonly LibraryFile[],
  options: LibraryOptions = {},
): Library {
  const context = vm.createContext({
    gatecheck: { constants: JSON.parse(JSON.stringify(libraryConstants(options))) },
    require: createRequire(import.meta.url),
    console,
  });
  const ordered = libraryFiles.filter((file) => files.includes(file));
  for (const file of ordered) {
    const path = join(scriptsDir, 'library', file);
    vm.runInContext(readFileSync(path, 'utf8'), context, { filename: path });
  }
  return context.gatecheck as Library;
}
