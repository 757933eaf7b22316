/**
 * Secret masking for everything a run leaves behind: reports, logs, printed summaries.
 *
 * Why this exists: the reports keep the request (headers, body) and the answer of every failed
 * check (reports/check-record.ts), newman's run summary holds every request and response, and
 * neither honours Postman's `secret` variable type (newman #3070). A Cognito sign-in
 * request carries `AuthParameters.PASSWORD` (and `SECRET_HASH`), its response carries `IdToken`,
 * `AccessToken`, `RefreshToken` and challenge `Session` strings, and every checked request carries
 * a token in `Authorization`. So every value we know to be secret is replaced by `[redacted]`
 * before a reporter writes, and once more in the written files as a second net.
 *
 * A secret can appear in several spellings: as typed, escaped inside a JSON string (a password
 * with `"` or `\`), escaped in HTML/XML (report.html, JUnit), or percent-encoded in a URL. Each
 * spelling is masked. Anything that looks like a JWT (`eyJ...`) is masked even when we never saw
 * it as a value, because the collection forges tokens from captured ones (altered signature,
 * edited claims, `alg: none`), and those carry the captured token's claims.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const REDACTED = '[redacted]';

/**
 * Values shorter than this are not masked on their own: replacing every `1234` in a report would
 * make it unreadable and such a value is no secret worth the name. Longer secrets are always masked.
 */
export const MIN_SECRET_LENGTH = 4;

/**
 * JWTs: base64url header starting with `{"` (`eyJ`), then up to four more dot-separated parts:
 * a signed token has three (the signature may be empty: `alg: none` tokens end with a dot), an
 * encrypted one (JWE, the shape of Cognito refresh tokens) five. Matches forged variants of
 * captured tokens too.
 */
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){1,4}/g;

/**
 * Cognito challenge `Session` strings, as they appear in JSON bodies (`"Session":"..."`, possibly
 * JSON-escaped once more inside a report). They let anyone finish the sign-in for three minutes
 * (docs/reference/aws-wire-behaviour.md §1.8), so they are masked even when we did not harvest
 * them.
 */
const SESSION_PATTERN = /(\\?"Session\\?"\s*:\s*\\?")([^"\\]{8,})/g;

/** The spellings a secret can take in a report: raw, JSON-escaped, HTML/XML-escaped, URL-encoded. */
export function encodedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const html = secret
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  const htmlAlt = html.replace(/&#39;/g, '&#x27;');
  const url = encodeURIComponent(secret);
  // A value inside a JSON string that is itself inside a JSON string (a request body in newman's JSON report).
  const jsonTwice = JSON.stringify(json).slice(1, -1);
  return [...new Set([secret, json, jsonTwice, html, htmlAlt, url])];
}

/**
 * Builds a masking function for these secrets: every spelling of every secret, every JWT and
 * every Cognito Session is replaced. The spellings are compiled once into one regular expression
 * (longest first, so a secret that contains another is replaced whole): a run masks every string
 * of a summary with thousands of requests.
 */
export function compileMask(secrets: Iterable<string>): (text: string) => string {
  const forms = [
    ...new Set(
      [...secrets].filter((secret) => secret.length >= MIN_SECRET_LENGTH).flatMap(encodedForms),
    ),
  ].sort((a, b) => b.length - a.length);
  const known =
    forms.length > 0
      ? new RegExp(forms.map((form) => escapeRegExp(form)).join('|'), 'g')
      : undefined;
  return (text) => {
    const masked = known ? text.replace(known, REDACTED) : text;
    return masked
      .replace(JWT_PATTERN, REDACTED)
      .replace(SESSION_PATTERN, (_match, prefix: string) => `${prefix}${REDACTED}`);
  };
}

/** Replaces every known secret (in every spelling), every JWT and every Cognito Session in `text`. */
export function maskText(text: string, secrets: Iterable<string>): string {
  return compileMask(secrets)(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Masks every string reachable from `root`, in place: plain properties, array items, and Buffers
 * (response bodies in a newman summary are Buffers; a JSON dump would print them as byte arrays
 * where no text search could find a token). Cycles (postman-collection parents) are followed once.
 */
export function maskDeep(root: unknown, mask: (text: string) => string): void {
  const seen = new WeakSet<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const record = node as Record<string | number, unknown>;
    for (const key of Object.keys(record)) {
      let value: unknown;
      try {
        value = record[key];
      } catch {
        continue;
      }
      if (typeof value === 'string') {
        const masked = mask(value);
        if (masked !== value) trySet(record, key, masked);
      } else if (Buffer.isBuffer(value)) {
        const text = value.toString('utf8');
        const masked = mask(text);
        if (masked !== text) trySet(record, key, Buffer.from(masked, 'utf8'));
      } else {
        visit(value);
      }
    }
  };
  visit(root);
}

function trySet(record: Record<string | number, unknown>, key: string, value: unknown): void {
  try {
    record[key] = value;
  } catch {
    // A frozen or getter-only property cannot hold a secret we could not also read elsewhere.
  }
}

/** Second net: rewrites every file under `dir` (recursively) whose text contains something to mask. */
export async function maskFilesUnder(dir: string, mask: (text: string) => string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      await maskFilesUnder(path, mask);
    } else if (entry.isFile()) {
      const text = await readFile(path, 'utf8');
      const masked = mask(text);
      if (masked !== text) await writeFile(path, masked, { mode: 0o600 });
    }
  }
}

/**
 * The secrets of one run. Values are added as they become known (from the process environment
 * before the run, from Cognito responses during it); `onAdd` lets the caller register each one
 * with the CI log masker before anything could print it.
 */
export class SecretSet {
  readonly #values = new Set<string>();
  readonly #onAdd: (value: string) => void;
  #compiled: ((text: string) => string) | undefined;

  constructor(onAdd: (value: string) => void = () => {}) {
    this.#onAdd = onAdd;
  }

  add(value: string | undefined): void {
    if (value === undefined || value.length < MIN_SECRET_LENGTH || this.#values.has(value)) return;
    this.#values.add(value);
    this.#compiled = undefined;
    this.#onAdd(value);
  }

  values(): string[] {
    return [...this.#values];
  }

  /** Masks with every secret known so far. */
  mask = (text: string): string => {
    this.#compiled ??= compileMask(this.#values);
    return this.#compiled(text);
  };
}
