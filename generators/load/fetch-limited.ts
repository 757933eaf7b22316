import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { InputError } from '../errors.js';
import { isPrivateAddress } from './address-policy.js';
import { loadLimits } from './load-options.js';

/**
 * GETs a URL for loading: a total deadline (a trickling server cannot hold the run), a byte cap (an
 * endless body cannot fill memory), a few redirects followed by hand (each target checked again),
 * and the address checked after DNS resolution, at connect time, so a name that resolves to an
 * internal address is refused even when it changes between checks.
 */
export async function fetchLimited(url: string, options: FetchOptions = {}): Promise<string> {
  const deadline = Date.now() + (options.timeoutMs ?? loadLimits.timeoutMs);
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const answer = await getOnce(current, options, deadline, url);
    if (answer.location === undefined) return answer.body;
    if (redirects >= loadLimits.maxRedirects) {
      throw new InputError(
        `could not fetch ${url}: more than ${loadLimits.maxRedirects} redirects`,
        {
          hint: 'Give the final URL of the spec',
        },
      );
    }
    const next = new URL(answer.location, current);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new InputError(`could not fetch ${url}: redirected to a ${next.protocol} URL`, {
        hint: 'Only http(s) redirects are followed',
      });
    }
    current = next.href;
  }
}

export interface FetchOptions {
  allowPrivateUrls?: boolean;
  accept?: string;
  /** Tests shorten these; the CLI keeps the defaults in `loadLimits`. */
  timeoutMs?: number;
  maxBytes?: number;
}

interface Answer {
  body: string;
  location?: string;
}

function getOnce(
  url: string,
  options: FetchOptions,
  deadline: number,
  asGiven: string,
): Promise<Answer> {
  const target = new URL(url);
  const refuse = (what: string): InputError =>
    new InputError(`could not fetch ${asGiven}: ${what}`, {
      hint: 'Pass --allow-private-urls to load a spec from this machine or a private network',
    });
  if (!options.allowPrivateUrls && isIP(target.hostname.replace(/^\[|\]$/g, '')) !== 0) {
    if (isPrivateAddress(target.hostname)) {
      return Promise.reject(
        refuse(`${target.hostname} is a loopback, link-local or private address`),
      );
    }
  }
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const blocked = options.allowPrivateUrls
        ? undefined
        : list.find((entry) => isPrivateAddress(entry.address));
      if (blocked !== undefined) {
        const refusal = refuse(
          `${hostname} resolves to ${blocked.address}, a loopback, link-local or private address`,
        );
        return callback(Object.assign(refusal, { code: 'EGATECHECKREFUSED' }), '', 0);
      }
      if (lookupOptions.all) return callback(null, list);
      const first = list[0];
      return first === undefined
        ? callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0)
        : callback(null, first.address, first.family);
    });
  };
  const remaining = deadline - Date.now();
  const maxBytes = options.maxBytes ?? loadLimits.maxBytes;
  const timeoutMs = options.timeoutMs ?? loadLimits.timeoutMs;
  return new Promise<Answer>((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http;
    const request = client.get(
      target,
      {
        lookup,
        headers: { accept: options.accept ?? '*/*' },
        signal: AbortSignal.timeout(Math.max(remaining, 1)),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location !== undefined) {
          response.resume();
          resolve({ body: '', location: response.headers.location });
          return;
        }
        if (status < 200 || status >= 300) {
          response.resume();
          reject(
            new InputError(
              `could not fetch ${asGiven}: HTTP ${status} ${response.statusMessage ?? ''}`.trimEnd(),
              {
                hint: 'Check the URL; an API Gateway export needs `aws apigateway get-export`',
              },
            ),
          );
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            request.destroy();
            reject(
              new InputError(`could not fetch ${asGiven}: larger than ${maxBytes} bytes`, {
                hint: 'Download the spec and give its file path',
              }),
            );
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (error) => reject(failure(error)));
      },
    );
    request.on('error', (error) => reject(failure(error)));
  });

  function failure(error: unknown): InputError {
    if (error instanceof InputError) return error;
    const detail = error as { code?: string; name?: string; message?: string };
    if (detail.name === 'AbortError' || detail.name === 'TimeoutError') {
      return new InputError(
        `could not fetch ${asGiven}: no complete answer within ${timeoutMs / 1000} s`,
        { hint: 'Check the URL and that the server answers' },
      );
    }
    const reason = detail.code
      ? `${detail.code}${detail.message ? ` (${detail.message})` : ''}`
      : (detail.message ?? String(error));
    return new InputError(`could not fetch ${asGiven}: ${reason}`, {
      hint: 'Check the URL and that the server answers',
    });
  }
}
