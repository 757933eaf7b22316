import { expect } from 'chai';

/** What a stub `pm` recorded: test results by name, skipped tests, requests sent. */
export interface StubRecord {
  passed: string[];
  failed: Array<{ name: string; message: string }>;
  skipped: string[];
  sent: Array<{ url: string; method?: string }>;
  requestSkipped: boolean;
  headers: Record<string, string>;
}

export interface StubResponse {
  code: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface StubOptions {
  /** Variables of every scope (runner, environment), as `pm.variables` sees them. */
  variables?: Record<string, string>;
  /** Collection variables, shared with `pm.variables` (as in Postman, where they are a scope). */
  collection?: Map<string, string>;
  /** Answers `pm.sendRequest` by URL; undefined → a network error. */
  answer?: (request: { url: string; method?: string }) => StubResponse | undefined;
  /** The response the test script sees. */
  response?: StubResponse;
  /** False for an older runtime without `pm.execution.skipRequest`. */
  canSkip?: boolean;
}

function stubResponse(response: StubResponse) {
  const headers = new Map(
    Object.entries(response.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
  );
  return {
    code: response.code,
    text: () => response.body ?? '',
    json: () => JSON.parse(response.body ?? ''),
    headers: {
      has: (name: string) => headers.has(name.toLowerCase()),
      get: (name: string) => headers.get(name.toLowerCase()),
    },
  };
}

/**
 * The part of Postman's `pm` the library uses, in memory: variables, collection variables,
 * `pm.test` with chai's `expect`, `pm.sendRequest` answered by a function, the request's headers.
 */
export function stubPm(options: StubOptions = {}) {
  const collection = options.collection ?? new Map<string, string>();
  const variables = options.variables ?? {};
  const record: StubRecord = {
    passed: [],
    failed: [],
    skipped: [],
    sent: [],
    requestSkipped: false,
    headers: {},
  };
  const test = (name: string, body: () => void) => {
    try {
      body();
      record.passed.push(name);
    } catch (error) {
      record.failed.push({ name, message: (error as Error).message });
    }
  };
  test.skip = (name: string) => record.skipped.push(name);
  const pm = {
    variables: {
      get: (key: string) => (collection.has(key) ? collection.get(key) : variables[key]),
      replaceIn: (text: string) =>
        text.replace(/\{\{([^}]+)\}\}/g, (_match, key: string) => pm.variables.get(key) ?? ''),
    },
    collectionVariables: {
      get: (key: string) => collection.get(key),
      set: (key: string, value: unknown) => void collection.set(key, String(value)),
      unset: (key: string) => void collection.delete(key),
    },
    test,
    expect,
    execution:
      options.canSkip === false ? {} : { skipRequest: () => void (record.requestSkipped = true) },
    info: { eventName: 'test' },
    request: {
      headers: {
        upsert: ({ key, value }: { key: string; value: string }) =>
          void (record.headers[key] = value),
      },
    },
    response: options.response ? stubResponse(options.response) : undefined,
    sendRequest: (
      request: { url: string; method?: string },
      callback: (error: Error | null, response?: ReturnType<typeof stubResponse>) => void,
    ) => {
      record.sent.push(request);
      const answer = options.answer?.(request);
      if (answer === undefined) callback(new Error('connect ECONNREFUSED'));
      else callback(null, stubResponse(answer));
    },
  };
  return { pm, record, collection };
}
