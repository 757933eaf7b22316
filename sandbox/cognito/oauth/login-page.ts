import { escapeHtml } from './wire.js';

/**
 * The managed login page, reduced to what a sign-in needs: user name and password, posted to
 * the domain's `/login` with the authorize request's parameters carried along in hidden fields.
 * The action is relative to the page (`/oauth2/authorize`, or `/login` after a failed attempt),
 * so `../login` reaches the domain's `/login` from both.
 */
export function loginPage(params: URLSearchParams, message?: string): string {
  const hidden = [...params.entries()]
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('\n      ');
  const notice = message ? `<p role="alert" id="error">${escapeHtml(message)}</p>` : '';
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Sign in</title></head>
  <body>
    <h1>Sign in</h1>
    ${notice}
    <form method="post" action="../login">
      ${hidden}
      <label>Username <input name="username" id="username" autocomplete="username" required></label>
      <label>Password <input name="password" id="password" type="password" autocomplete="current-password" required></label>
      <button type="submit" id="signin">Sign in</button>
    </form>
  </body>
</html>
`;
}

export function errorPage(error: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Error</title></head>
  <body><h1>An error was encountered with the requested page.</h1><p id="error">${escapeHtml(error)}</p></body>
</html>
`;
}
