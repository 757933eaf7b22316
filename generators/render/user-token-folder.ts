/**
 * A folder of a method that needs a user's OAuth 2.0 token carries the Postman app's OAuth 2.0
 * authorization (render-oauth.ts). The positive check and the controls inherit it (in the app:
 * the token from "Get New Access Token"; in newman: `{{oauthAccessToken}}`, the same token their
 * own header names). Negative checks send exactly the credentials they test, so they opt out.
 */
import type { PlannedCheck } from '../plan/types.js';
import type { PostmanFolder } from './postman-types.js';
import { userTokenAuth } from './render-oauth.js';

export function withUserTokenAuth(
  folder: PostmanFolder,
  checks: readonly PlannedCheck[],
  scopes: readonly string[],
): PostmanFolder {
  return {
    ...folder,
    auth: userTokenAuth(scopes),
    item: folder.item.map((item, index) => {
      const role = checks[index]?.role;
      if (!('request' in item) || role === 'positive' || role === 'control') return item;
      return { ...item, request: { ...item.request, auth: { type: 'noauth' as const } } };
    }),
  };
}
