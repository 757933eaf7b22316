/**
 * `--base-url` / `--stage` for runs against another deployment of the same API. The base URL
 * includes the stage as its last path segment (`https://abc.execute-api.eu-west-1.amazonaws.com/prod`,
 * contract/environment-variables.ts), so a stage replaces that segment.
 */
import { InputError } from '../../errors.js';

export function withStage(baseUrl: string, stage: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new InputError(`the base URL is not a URL: ${baseUrl}`, {
      hint: 'Pass --base-url https://<api-id>.execute-api.<region>.amazonaws.com/<stage>',
    });
  }
  const segments = url.pathname.replace(/\/+$/, '').split('/');
  if (segments.length <= 1) segments.push(stage);
  else segments[segments.length - 1] = stage;
  url.pathname = segments.join('/');
  return url.toString().replace(/\/+$/, '');
}
