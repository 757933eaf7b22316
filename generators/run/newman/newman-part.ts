/**
 * One newman run over some top-level items of a collection ("a part": the sign-in folder, a
 * worker's share of the operation folders, or the run guard). No newman reporter runs: the part
 * records each check (reports/check-record.ts) from newman's events, and the runner writes the
 * reports from those records. The summary is still masked in place before newman finishes.
 */
// Before newman: it must be in place when newman loads.
import './newman-warnings.js';
import newman from 'newman';
import type { CollectionDefinition, VariableScopeDefinition } from 'postman-collection';
import type { PostmanCollection, PostmanEnvironment } from '../inputs/collection-file.js';
import { tallyOf, type CheckTally } from '../reports/check-tally.js';
import {
  cappedBody,
  checkStatus,
  isCheck,
  labelIn,
  type AssertionRecord,
  type CheckRecord,
  type CheckStatus,
  type CounterMoves,
  type HttpHeader,
  type RequestRecord,
  type ResponseRecord,
} from '../reports/check-record.js';
import { runVariables } from '../../contract/run-variables.js';
import { cappedHeaders, significantHeaders } from '../reports/report-budget.js';
import {
  cognitoErrorOf,
  cognitoOperation,
  isRefresh,
  isSignInStart,
  secretsInExchange,
  type CognitoError,
} from './cognito-exchange.js';
import { isOAuthEndpoint, secretsInOAuthExchange } from './oauth-exchange.js';
import { maskDeep, type SecretSet } from '../reports/secret-mask.js';

export type PartRole = 'sign-in' | 'checks';

/** How newman reaches the API: TLS verification and pacing (newman's insecure, sslExtraCaCerts, delayRequest). */
export interface NewmanTransport {
  /** Accept any TLS certificate. */
  insecure?: boolean;
  /** A PEM file of CA certificates trusted besides the built-in ones. */
  caFile?: string;
  /** Milliseconds between two requests. */
  delayRequestMs?: number;
}

export interface PartOptions {
  /** File-name-safe label, e.g. `sign-in`, `checks-3`. */
  label: string;
  role: PartRole;
  collection: PostmanCollection;
  environment?: PostmanEnvironment;
  /** Run-time values, in memory only (newman `envVar`). */
  values: Record<string, string>;
  /** Ids of the top-level items to run; all when undefined. */
  itemIds?: string[];
  bail?: boolean;
  timeoutRequestMs: number;
  transport?: NewmanTransport;
  /** A private temporary directory the part may write to. */
  stagingDir: string;
  secrets: SecretSet;
  /** Called after each item with its name and whether any of its tests failed. */
  onItem?: (itemName: string, failed: boolean, outcome?: ItemOutcome) => void;
}

/** What the progress line of a finished item says. */
export interface ItemOutcome {
  /** Whether the item is a check (counted), or a request that serves them (sign-in, set-up). */
  check: boolean;
  /** A check's outcome; for other items `passed` or `failed`, or `skipped` when nothing was sent. */
  status: CheckStatus;
  reason?: string;
}

export interface PartResult {
  label: string;
  role: PartRole;
  tally: CheckTally;
  /** Collection variables as the last script left them (tokens, `gatecheck.*` counters). */
  variables: Record<string, string>;
  /** InitiateAuth / AdminInitiateAuth requests sent (including `pm.sendRequest` ones). */
  signIns: number;
  /** The last error Cognito answered to a sign-in, if any. */
  cognitoError?: CognitoError;
  /** A failed sign-in-folder test or a request error while signing in. */
  signInProblem?: string;
  startedAt: number;
  completedAt: number;
  /** Every check of the part, in the order they ran. */
  checks: CheckRecord[];
}

/** Variables whose final values are secrets even when they do not look like a JWT. */
const SECRET_VARIABLE_NAME = /token|secret|password|session|otp|code|apikey|api_key/i;

interface HeaderList {
  get(name: string): string | undefined;
  all?: () => Array<{ key?: string; value?: unknown; disabled?: boolean }>;
}
interface RequestEvent {
  request?: {
    method?: string;
    url?: { toString(): string; getPath?: () => string };
    headers?: HeaderList;
    body?: {
      raw?: string;
      mode?: string;
      toString?: () => string;
      urlencoded?: { all?: () => Array<{ key?: string; value?: string }> };
    };
  };
  response?: {
    stream?: Buffer;
    code?: number;
    status?: string;
    headers?: HeaderList;
    responseTime?: number;
  };
  item?: ItemLike;
}
interface ItemLike {
  name?: string;
  request?: { headers?: { get(name: string): string | undefined } };
  parent?: () => { name?: string; parent?: () => unknown } | undefined;
}
interface AssertionEvent {
  assertion?: string;
  skipped?: boolean;
  error?: { message?: string };
  item?: ItemLike;
}
interface ScriptEvent {
  execution?: { collectionVariables?: { toObject?: () => Record<string, unknown> } };
}

export function runPart(options: PartOptions): Promise<PartResult> {
  const checks: CheckRecord[] = [];
  let variables: Record<string, string> = initialVariables(options.collection);
  let signIns = 0;
  let cognitoError: CognitoError | undefined;
  let signInProblem: string | undefined;
  let itemFailed = false;
  /** The item being run: its tests, its own request (not a `pm.sendRequest`) and the counters before it. */
  let current: ItemState = freshItem(variables);
  /**
   * The Sign-in folder's refresh runs after the tokens are captured: its failure is the refresh
   * check failing (exit 1), not a sign-in that could not happen (exit 2).
   */
  let refreshItem = false;
  const startedAt = Date.now();

  return new Promise<PartResult>((resolve, reject) => {
    const emitter = newman.run(
      {
        collection: options.collection as unknown as CollectionDefinition,
        environment: options.environment as unknown as VariableScopeDefinition | undefined,
        envVar: Object.entries(options.values).map(([key, value]) => ({ key, value })),
        folder: options.itemIds,
        bail: options.bail ?? false,
        timeoutRequest: options.timeoutRequestMs,
        ...(options.transport?.insecure ? { insecure: true } : {}),
        ...(options.transport?.caFile ? { sslExtraCaCerts: options.transport.caFile } : {}),
        ...(options.transport?.delayRequestMs
          ? { delayRequest: options.transport.delayRequestMs }
          : {}),
        reporters: [],
      },
      (error) => {
        if (error) {
          reject(error);
          return;
        }
        resolve({
          label: options.label,
          role: options.role,
          tally: tallyOf(checks),
          variables,
          signIns,
          ...(cognitoError ? { cognitoError } : {}),
          ...(signInProblem ? { signInProblem } : {}),
          startedAt,
          completedAt: Date.now(),
          checks,
        });
      },
    );

    emitter.on('beforeItem', () => {
      itemFailed = false;
      refreshItem = false;
      current = freshItem(variables);
    });
    // Requests between the item's pre-request script and its test script are its own; any other
    // is a `pm.sendRequest` of a script (a sign-in on demand, a minted token).
    emitter.on('prerequest', () => {
      current.phase = 'request';
    });
    emitter.on('beforeTest', () => {
      current.phase = 'test';
    });

    emitter.on('request', (error: Error | null, event: RequestEvent) => {
      const itemName = event.item?.name ?? '(unnamed request)';
      const operation = cognitoOperation(event.request?.headers?.get('X-Amz-Target'));
      const path = event.request?.url?.getPath?.() ?? '';
      if (isOAuthEndpoint(path)) {
        const authorization = event.request?.headers?.get('Authorization');
        const location = event.response?.headers?.get('Location');
        const exchange = {
          path,
          form: event.request?.body?.urlencoded?.all?.() ?? [],
          ...(authorization ? { authorization } : {}),
          ...(location ? { location } : {}),
          responseBody: event.response?.stream?.toString('utf8') ?? '',
        };
        for (const secret of secretsInOAuthExchange(exchange)) options.secrets.add(secret);
      }
      if (operation) {
        const requestBody = event.request?.body?.raw ?? '';
        if (isSignInStart(operation, requestBody)) signIns += 1;
        if (options.role === 'sign-in' && isRefresh(operation, requestBody)) refreshItem = true;
        const responseBody = event.response?.stream?.toString('utf8') ?? '';
        // Register what Cognito handed out before any reporter or log line could print it.
        for (const secret of secretsInExchange(requestBody, responseBody))
          options.secrets.add(secret);
        const rejection = cognitoErrorOf(responseBody);
        // A Cognito error counts as a failed sign-in in the sign-in folder, or when a check's
        // script signed in on demand with `pm.sendRequest` (the item itself is no Cognito call).
        const isSideRequest = !cognitoOperation(event.item?.request?.headers?.get('X-Amz-Target'));
        if (rejection && !refreshItem && (options.role === 'sign-in' || isSideRequest)) {
          cognitoError = rejection;
        }
      }
      if (current.phase === 'request') {
        current.sent = true;
        // Masked before anything is cut to size: a secret cut in two would no longer be found.
        current.request = requestRecord(event.request, options.secrets.mask);
        current.response = responseRecord(event.response, options.secrets.mask);
      }
      if (error) {
        itemFailed = true;
        if (current.phase === 'request') current.requestError = error.message;
        if (options.role === 'sign-in') signInProblem ??= `${itemName}: ${error.message}`;
      }
    });

    emitter.on('assertion', (error: Error | null, event: AssertionEvent) => {
      const failure = error ? (event.error?.message ?? error.message) : undefined;
      if (failure !== undefined && !event.skipped) itemFailed = true;
      const itemName = event.item?.name ?? '(unnamed request)';
      const testName = event.assertion ?? '(unnamed test)';
      current.assertions.push({
        name: testName,
        status: event.skipped === true ? 'skipped' : failure !== undefined ? 'failed' : 'passed',
        ...(failure !== undefined ? { message: failure } : {}),
      });
      if (options.role === 'sign-in' && failure !== undefined && !event.skipped && !refreshItem) {
        signInProblem ??= `${itemName} · ${testName}: ${failure}`;
      }
    });

    emitter.on('script', (_error: Error | null, event: ScriptEvent) => {
      const scope = event.execution?.collectionVariables;
      if (scope?.toObject) variables = stringValues(scope.toObject());
    });

    emitter.on('item', (_error: Error | null, event: { item?: ItemLike }) => {
      const name = event.item?.name ?? '(unnamed request)';
      const group = groupOf(event.item);
      const facts = {
        name,
        group,
        assertions: current.assertions,
        ...(current.requestError !== undefined ? { requestError: current.requestError } : {}),
        counters: counterMoves(current.counters, variables),
      };
      // In the Sign-in folder only the token refresh is a check (its failure is a check failing,
      // exit 1); the other sign-in requests either sign in or the run cannot happen (exit 2).
      const counted = options.role === 'sign-in' ? refreshItem && isCheck(facts) : isCheck(facts);
      let outcome: ItemOutcome;
      if (counted) {
        const { status, reason } = checkStatus(facts);
        const kept = status === 'failed' || status === 'inconclusive';
        checks.push({
          name,
          group,
          label: labelIn(name, group),
          status,
          ...(reason !== undefined ? { reason } : {}),
          ...(current.requestError !== undefined ? { noResponse: true } : {}),
          // A passed check's tests all passed: their names would only make a large run's report larger.
          assertions: status === 'passed' ? [] : current.assertions,
          ...(kept && current.request ? { request: current.request } : {}),
          ...(kept && current.response ? { response: current.response } : {}),
        });
        outcome = { check: true, status, ...(reason !== undefined ? { reason } : {}) };
      } else {
        outcome = {
          check: false,
          status: itemFailed ? 'failed' : current.sent ? 'passed' : 'skipped',
        };
      }
      options.onItem?.(name, itemFailed, outcome);
    });

    // Runs before every reporter's `beforeDone` handler (reporters subscribe later, with `on`),
    // so the JSON, JUnit and HTML reporters only ever see the masked summary.
    emitter.prependListener('beforeDone', (_error: Error | null, event: { summary?: unknown }) => {
      for (const [key, value] of Object.entries(variables)) {
        if (SECRET_VARIABLE_NAME.test(key)) options.secrets.add(value);
      }
      maskDeep(event.summary, options.secrets.mask);
    });
  });
}

interface ItemState {
  phase: 'prerequest' | 'request' | 'test';
  sent: boolean;
  assertions: AssertionRecord[];
  requestError?: string;
  request?: RequestRecord;
  response?: ResponseRecord;
  counters: CounterMoves;
}

function freshItem(variables: Record<string, string>): ItemState {
  return { phase: 'prerequest', sent: false, assertions: [], counters: countersOf(variables) };
}

function countersOf(variables: Record<string, string>): CounterMoves {
  const read = (key: string) => {
    const value = Number(variables[key] ?? 0);
    return Number.isFinite(value) ? value : 0;
  };
  return {
    ran: read(runVariables.ran),
    skipped: read(runVariables.skipped),
    inconclusive: read(runVariables.inconclusive),
  };
}

/** How far each run counter moved during an item (a reset to 0 by the run start is no move). */
function counterMoves(before: CounterMoves, variables: Record<string, string>): CounterMoves {
  const after = countersOf(variables);
  return {
    ran: Math.max(0, after.ran - before.ran),
    skipped: Math.max(0, after.skipped - before.skipped),
    inconclusive: Math.max(0, after.inconclusive - before.inconclusive),
  };
}

/**
 * The top-level folder an item is in (its operation, however deep it sits); `gatecheck` for the
 * collection's own top-level items.
 */
function groupOf(item: ItemLike | undefined): string {
  type Node = { name?: string; parent?: () => Node | undefined };
  let folder = item?.parent?.() as Node | undefined;
  if (!folder || !folder.parent?.()) return 'gatecheck';
  for (let above = folder.parent?.(); above?.parent?.(); above = folder.parent?.()) folder = above;
  return folder.name ?? 'gatecheck';
}

type Mask = (text: string) => string;

function headersOf(list: HeaderList | undefined, mask: Mask): HttpHeader[] {
  const all = list?.all?.() ?? [];
  return all
    .filter((header) => !header.disabled && typeof header.key === 'string')
    .map((header) => ({ key: header.key as string, value: mask(String(header.value ?? '')) }));
}

function requestRecord(request: RequestEvent['request'], mask: Mask): RequestRecord | undefined {
  if (!request) return undefined;
  const raw = request.body?.raw ?? (request.body?.mode ? request.body.toString?.() : undefined);
  return {
    method: (request.method ?? 'GET').toUpperCase(),
    url: mask(request.url?.toString() ?? ''),
    headers: significantHeaders(headersOf(request.headers, mask)),
    ...cappedBody(typeof raw === 'string' ? mask(raw) : undefined),
  };
}

function responseRecord(
  response: RequestEvent['response'],
  mask: Mask,
): ResponseRecord | undefined {
  if (!response || typeof response.code !== 'number') return undefined;
  const body = response.stream?.toString('utf8');
  return {
    code: response.code,
    status: response.status ?? '',
    headers: cappedHeaders(headersOf(response.headers, mask)),
    ...cappedBody(body === undefined ? undefined : mask(body)),
    ...(typeof response.responseTime === 'number' ? { timeMs: response.responseTime } : {}),
  };
}

function initialVariables(collection: PostmanCollection): Record<string, string> {
  const values: Record<string, unknown> = {};
  for (const variable of collection.variable ?? []) values[variable.key] = variable.value;
  return stringValues(values);
}

function stringValues(values: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    result[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return result;
}
