/**
 * The subset of the Postman Collection v2.1 and environment formats gatecheck writes, as plain
 * types (schema: https://schema.getpostman.com/json/collection/v2.1.0/collection.json). Property
 * order here is the order written to disk.
 */

export const collectionSchemaUrl =
  'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export interface PostmanScript {
  type: 'text/javascript';
  exec: string[];
}

export interface PostmanEvent {
  listen: 'prerequest' | 'test';
  script: PostmanScript;
}

export interface PostmanHeader {
  key: string;
  value: string;
  disabled?: boolean;
}

export interface PostmanQueryParam {
  key: string;
  value: string;
}

export interface PostmanUrl {
  raw: string;
  host: string[];
  path: string[];
  query?: PostmanQueryParam[];
}

export type PostmanBody =
  | { mode: 'raw'; raw: string; options?: { raw: { language: 'json' | 'text' } } }
  | { mode: 'urlencoded'; urlencoded: Array<{ key: string; value: string }> };

/** Request, folder or collection authorization (Postman v2.1 `auth`): attributes as key/value. */
export type PostmanAuth =
  | { type: 'noauth' }
  | { type: 'basic'; basic: PostmanAuthAttribute[] }
  | { type: 'oauth2'; oauth2: PostmanAuthAttribute[] };

export interface PostmanAuthAttribute {
  key: string;
  value: string | boolean;
  type: 'string' | 'boolean';
}

export interface PostmanRequest {
  method: string;
  header: PostmanHeader[];
  /** A plain string for a URL that is one variable (`{{cognitoEndpoint}}`): the broken-down form would add a `/`. */
  url: PostmanUrl | string;
  body?: PostmanBody;
  auth?: PostmanAuth;
  description?: string;
}

export interface PostmanItem {
  id: string;
  name: string;
  description?: string;
  event?: PostmanEvent[];
  request: PostmanRequest;
  response: never[];
  /** Per-request runtime settings, e.g. `followRedirects: false` to read a redirect's Location. */
  protocolProfileBehavior?: { followRedirects?: boolean };
}

export interface PostmanFolder {
  id: string;
  name: string;
  description?: string;
  auth?: PostmanAuth;
  event?: PostmanEvent[];
  item: Array<PostmanItem | PostmanFolder>;
}

export interface PostmanVariable {
  key: string;
  value: string;
  type: 'string';
  description?: string;
}

export interface PostmanCollection {
  info: {
    _postman_id: string;
    name: string;
    description: string;
    schema: typeof collectionSchemaUrl;
    /** Hash of gatecheck's own script code (scripts-fingerprint.ts): `run` checks it. */
    gatecheckScripts: string;
  };
  event: PostmanEvent[];
  variable: PostmanVariable[];
  item: Array<PostmanItem | PostmanFolder>;
}

export interface PostmanEnvironmentValue {
  key: string;
  value: string;
  type: 'default' | 'secret';
  enabled: true;
}

export interface PostmanEnvironment {
  id: string;
  name: string;
  values: PostmanEnvironmentValue[];
  _postman_variable_scope: 'environment';
}
