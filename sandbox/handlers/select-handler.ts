import type { Route } from '../spec/types.js';
import { demoHandler } from './demo-handler.js';
import { sampleHandler } from './sample-handler.js';
import type { Handler } from './types.js';

/** The handlers the example APIs get, by route shape; every other route answers its documented sample. */
export interface ExampleHandlers {
  users: Handler;
}

export function selectHandler(route: Route, handlers: ExampleHandlers): Handler {
  const shape = `${route.method} ${route.path.replace(/\{[^}]+\}/g, '{}')}`;
  switch (shape) {
    case 'GET /demo':
      return demoHandler;
    case 'GET /users':
    case 'POST /users':
    case 'GET /users/{}':
    case 'PUT /users/{}':
    case 'PATCH /users/{}':
    case 'DELETE /users/{}':
      return handlers.users;
    default:
      return sampleHandler;
  }
}

/** True for `/users/{x}` with a single parameter: where the users API keeps its records. */
export function isUserItemPath(path: string): boolean {
  return /^\/users\/\{[^}+]+\}$/.test(path);
}
