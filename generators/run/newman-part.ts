/**
 * One newman run over some top-level items of a collection ("a part": the sign-in folder, a
 * worker's share of the operation folders, or the run guard). Reports are written into a private
 * staging directory; the summary is masked in place before any reporter writes.
 */
import { join } from 'node:path';
import newman from 'newman';
import type { CollectionDefinition, VariableScopeDefinition } from 'postman-collection';
import type { PostmanCollection, PostmanEnvironment } from './collection-file.js';
import { addAssertion, addRequestError, emptyTally, type CheckTally } from './check-tally.js';
import {
  cognitoErrorOf,
  cognitoOperation,
  isRefresh,
  isSignInStart,
  secretsInExchange,
  type CognitoError,
} from './cognito-exchange.js';
import { isOAuthEndpoint, secretsInOAuthExchange } from './oauth-exchange.js';
import { maskDeep, type SecretSet } from './secret-mask.js';

export type PartRole = 'sign-in' | 'checks';

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
  /** Where the part's JUnit/JSON/HTML reports go (a private temporary directory). */
  stagingDir: string;
  secrets: SecretSet;
  /** Called after each item with its name and whether any of its tests failed. */
  onItem?: (itemName: string, failed: boolean) => void;
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
  reports: { junit: string; json: string; html: string };
}

/** Variables whose final values are secrets even when they do not look like a JWT. */
const SECRET_VARIABLE_NAME = /token|secret|password|session|otp|code|apikey|api_key/i;

interface RequestEvent {
  request?: {
    headers?: { get(name: string): string | undefined };
    body?: { raw?: string; urlencoded?: { all?: () => Array<{ key?: string; value?: string }> } };
    url?: { getPath?: () => string };
  };
  response?: {
    stream?: Buffer;
    code?: number;
    headers?: { get(name: string): string | undefined };
  };
  item?: ItemLike;
}
interface ItemLike {
  name?: string;
  request?: { headers?: { get(name: string): string | undefined } };
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
  const reports = {
    junit: join(options.stagingDir, `${options.label}.xml`),
    json: join(options.stagingDir, `${options.label}.json`),
    html: join(options.stagingDir, `${options.label}.html`),
  };
  const tally = emptyTally();
  let variables: Record<string, string> = initialVariables(options.collection);
  let signIns = 0;
  let cognitoError: CognitoError | undefined;
  let signInProblem: string | undefined;
  let itemFailed = false;
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
        reporters: ['junit', 'json', 'htmlextra'],
        reporter: {
          junit: { export: reports.junit },
          json: { export: reports.json },
          htmlextra: {
            export: reports.html,
            title: `${options.collection.info.name} (${options.label})`,
            browserTitle: `gatecheck: ${options.collection.info.name}`,
          },
        },
      },
      (error) => {
        if (error) {
          reject(error);
          return;
        }
        resolve({
          label: options.label,
          role: options.role,
          tally,
          variables,
          signIns,
          ...(cognitoError ? { cognitoError } : {}),
          ...(signInProblem ? { signInProblem } : {}),
          startedAt,
          completedAt: Date.now(),
          reports,
        });
      },
    );

    emitter.on('beforeItem', () => {
      itemFailed = false;
      refreshItem = false;
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
      if (error) {
        itemFailed = true;
        if (options.role === 'sign-in') signInProblem ??= `${itemName}: ${error.message}`;
        else addRequestError(tally, itemName, error.message);
      }
    });

    emitter.on('assertion', (error: Error | null, event: AssertionEvent) => {
      const failure = error ? (event.error?.message ?? error.message) : undefined;
      if (failure !== undefined && !event.skipped) itemFailed = true;
      const itemName = event.item?.name ?? '(unnamed request)';
      const testName = event.assertion ?? '(unnamed test)';
      if (options.role === 'sign-in') {
        if (failure !== undefined && !event.skipped && refreshItem) {
          addAssertion(tally, { itemName, testName, skipped: false, error: failure });
        } else if (failure !== undefined && !event.skipped) {
          signInProblem ??= `${itemName} · ${testName}: ${failure}`;
        }
        return;
      }
      addAssertion(tally, {
        itemName,
        testName,
        skipped: event.skipped === true,
        ...(failure !== undefined ? { error: failure } : {}),
      });
    });

    emitter.on('script', (_error: Error | null, event: ScriptEvent) => {
      const scope = event.execution?.collectionVariables;
      if (scope?.toObject) variables = stringValues(scope.toObject());
    });

    emitter.on('item', (_error: Error | null, event: { item?: ItemLike }) => {
      options.onItem?.(event.item?.name ?? '(unnamed request)', itemFailed);
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

/** Which named reporters a part writes; used by the report merger. */
export type PartReports = PartResult['reports'];
