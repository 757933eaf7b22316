/**
 * The Sign-in folder, first in every collection: InitiateAuth, RespondToAuthChallenge (repeated
 * while Cognito asks for another challenge) and a REFRESH_TOKEN_AUTH. Requests go to
 * `{{cognitoEndpoint}}` with Cognito's JSON protocol (docs/reference/aws-wire-behaviour.md §1.1);
 * bodies are built by the pre-request scripts, so one request serves every flow.
 */
import type { PostmanEvent, PostmanFolder, PostmanItem } from './postman-types.js';
import { contentId } from '../plan/content-id.js';
import { renderScript, scriptLines } from './render-script.js';

export const signInFolderName = 'Sign-in';

export interface SignInIds {
  folder: string;
  initiateAuth: string;
  respondToChallenge: string;
  refresh: string;
}

export function signInIds(slug: string): SignInIds {
  return {
    folder: contentId(slug, 'sign-in'),
    initiateAuth: contentId(slug, 'sign-in', 'InitiateAuth'),
    respondToChallenge: contentId(slug, 'sign-in', 'RespondToAuthChallenge'),
    refresh: contentId(slug, 'sign-in', 'REFRESH_TOKEN_AUTH'),
  };
}

export function renderSignInFolder(slug: string): PostmanFolder {
  const ids = signInIds(slug);
  const next = { afterTokens: ids.refresh, challenge: ids.respondToChallenge };
  return {
    id: ids.folder,
    name: signInFolderName,
    description:
      'Signs in to Cognito once per run (flow from `authFlow` / `preferredChallenge`) and keeps the tokens in collection variables. Credentials come from the environment or the runner, never from this file.',
    item: [
      cognitoItem(ids.initiateAuth, 'Sign in (InitiateAuth)', 'InitiateAuth', {
        prerequest: renderScript('sign-in/initiate-auth.prerequest.js.hbs', {}),
        test: renderScript('sign-in/initiate-auth.test.js.hbs', { next }),
      }),
      cognitoItem(
        ids.respondToChallenge,
        'Answer challenge (RespondToAuthChallenge)',
        'RespondToAuthChallenge',
        {
          prerequest: renderScript('sign-in/respond-to-challenge.prerequest.js.hbs', {}),
          test: renderScript('sign-in/respond-to-challenge.test.js.hbs', {
            next,
          }),
        },
      ),
      cognitoItem(ids.refresh, 'Refresh tokens (InitiateAuth REFRESH_TOKEN_AUTH)', 'InitiateAuth', {
        prerequest: renderScript('sign-in/refresh.prerequest.js.hbs', {}),
        test: renderScript('sign-in/refresh.test.js.hbs', {}),
      }),
    ],
  };
}

function cognitoItem(
  id: string,
  name: string,
  operation: 'InitiateAuth' | 'RespondToAuthChallenge',
  scripts: { prerequest: string; test: string },
): PostmanItem {
  return {
    id,
    name,
    event: scriptEvents(scripts),
    request: {
      method: 'POST',
      header: [
        { key: 'X-Amz-Target', value: `AWSCognitoIdentityProviderService.${operation}` },
        { key: 'Content-Type', value: 'application/x-amz-json-1.1' },
      ],
      url: '{{cognitoEndpoint}}',
      body: { mode: 'raw', raw: '{}', options: { raw: { language: 'json' } } },
    },
    response: [],
  };
}

export function scriptEvents(scripts: { prerequest?: string; test?: string }): PostmanEvent[] {
  const events: PostmanEvent[] = [];
  if (scripts.prerequest !== undefined) {
    events.push({
      listen: 'prerequest',
      script: { type: 'text/javascript', exec: scriptLines(scripts.prerequest) },
    });
  }
  if (scripts.test !== undefined) {
    events.push({
      listen: 'test',
      script: { type: 'text/javascript', exec: scriptLines(scripts.test) },
    });
  }
  return events;
}
