/**
 * Runs rendered check scripts in the real Postman sandbox (newman, in-process) against a local
 * fixture server, and reports every assertion by item name.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import newman from 'newman';
import type { PlannedRequest } from '../../generators/plan/types.js';
import { collectionPrerequestEvent } from '../../generators/render/render-collection.js';
import { renderRequest } from '../../generators/render/render-request.js';
import { scriptLibrary } from '../../generators/render/script-library.js';
import { freePort, listenLocally } from '../support/local-server.js';

export interface ItemSpec {
  name: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: { contentType: string; raw: string };
  prerequest?: string;
  test?: string;
}

export interface AssertionResult {
  item: string;
  name: string;
  passed: boolean;
  skipped: boolean;
  message?: string;
}

export interface RunResult {
  assertions: AssertionResult[];
  /** Collection variables after the run. */
  variables: Record<string, string>;
  /** Items whose request was sent. */
  sent: string[];
}

/**
 * A planned request as a Postman item aimed at `url`, with the headers the collection's item has
 * (token and API key headers as rendered: a script may replace them).
 */
export function itemFor(
  check: PlannedRequest,
  url: string,
  scripts: { prerequest?: string; test?: string },
): ItemSpec {
  return {
    name: check.name,
    method: check.method.toUpperCase(),
    url,
    headers: Object.fromEntries(renderRequest(check).header.map(({ key, value }) => [key, value])),
    ...(check.body ? { body: check.body } : {}),
    ...scripts,
  };
}

const zeroCounters = {
  'gatecheck.ran': '0',
  'gatecheck.skipped': '0',
  'gatecheck.inconclusive': '0',
};

export function runItems(items: ItemSpec[], variables: Record<string, string>): Promise<RunResult> {
  const collection = {
    info: {
      name: 'negative checks',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    // The script library, defined as a generated collection defines it: item scripts call into it.
    event: [collectionPrerequestEvent(scriptLibrary({ forSandbox: true }))],
    // Counters declared as a generated collection declares them (newman reports declared variables only).
    variable: Object.entries({ ...zeroCounters, ...variables }).map(([key, value]) => ({
      key,
      value,
    })),
    item: items.map((item) => ({
      name: item.name,
      request: {
        method: item.method,
        url: item.url,
        auth: { type: 'noauth' },
        header: Object.entries(item.headers ?? {}).map(([key, value]) => ({ key, value })),
        ...(item.body ? { body: { mode: 'raw', raw: item.body.raw } } : {}),
      },
      event: [
        ...(item.prerequest
          ? [
              {
                listen: 'prerequest',
                script: { type: 'text/javascript', exec: item.prerequest.split('\n') },
              },
            ]
          : []),
        ...(item.test
          ? [{ listen: 'test', script: { type: 'text/javascript', exec: item.test.split('\n') } }]
          : []),
      ],
    })),
  };
  const assertions: AssertionResult[] = [];
  const sent: string[] = [];
  let latest: Record<string, string> = {};
  return new Promise((resolve, reject) => {
    newman
      .run({ collection, reporters: [] }, (error, summary) => {
        if (error) return reject(error);
        const values: Record<string, string> = {};
        for (const variable of summary.collection.variables.all())
          values[variable.key ?? ''] = String(variable.value ?? '');
        resolve({ assertions, variables: { ...values, ...latest }, sent });
      })
      // Scripts report the collection variables they leave behind; the summary keeps the initial ones.
      .on('script', (_error, args) => {
        const result = (
          args as unknown as {
            execution?: {
              collectionVariables?: { values?: Array<{ key: string; value: unknown }> };
            };
          }
        ).execution?.collectionVariables;
        // A VariableScope; its JSON form lists the values.
        const all = result
          ? (JSON.parse(JSON.stringify(result)) as typeof result).values
          : undefined;
        if (!Array.isArray(all)) return;
        latest = {};
        for (const variable of all) latest[variable.key] = String(variable.value ?? '');
      })
      .on('request', (_error, args) => {
        sent.push(args.item.name);
      })
      .on('assertion', (error, args) => {
        const skipped = (args as unknown as { skipped?: boolean }).skipped === true;
        assertions.push({
          item: args.item.name,
          name: args.assertion,
          passed: !error && !skipped,
          skipped,
          ...(error ? { message: error.message } : {}),
        });
      });
  });
}

export type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

export interface FixtureServer {
  url: string;
  /** Requests received, by path: headers (lower-case) and body. */
  received: Map<string, Array<{ headers: IncomingMessage['headers']; body: string }>>;
  close(): Promise<void>;
}

/** A server on 127.0.0.1 and a free port that answers each path with its handler. */
export async function startFixtureServer(routes: Record<string, Handler>): Promise<FixtureServer> {
  const received = new Map<string, Array<{ headers: IncomingMessage['headers']; body: string }>>();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      received.set(path, [...(received.get(path) ?? []), { headers: request.headers, body }]);
      const handler = routes[path];
      if (handler) return handler(request, body, response);
      response.writeHead(500).end('no fixture for ' + path);
    });
  });
  const { url, close } = await listenLocally(server);
  return { url, received, close };
}

/** A fixed answer: status, headers, body text. */
export function answer(status: number, headers: Record<string, string>, body: string): Handler {
  return (_request, _body, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(body);
  };
}

/** A URL on which nothing listens: a server is started on a free port and closed again. */
export async function closedPortUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}
