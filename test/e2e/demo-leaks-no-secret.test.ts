import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../generators/cli/commands/demo.js';
import type { Sandbox } from '../../sandbox/types.js';

/**
 * The demo flow (USER_AUTH with an emailed one-time code, an app client with a secret, known
 * passwords) must leave no password, client secret, one-time code, API key or token in any report
 * file or in the output.
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// A JWT (ID and access tokens) or a JWE (Cognito's refresh tokens): base64url JSON header first.
const tokenShape = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./;

describe('demo run: no secret in reports or output @slow', function () {
  this.timeout(120_000);
  const passwords = {
    main: 'Main-Pa55word!"<&>',
    'sign-out': 'SignOut-Pa55word!%2F',
    second: 'Second-Pa55word!',
    admin: 'Admin-Pa55word!',
    'new-password': 'Temp-Pa55word!',
    'totp-mfa': 'Totp-Pa55word!',
    other: 'Other-Pa55word!',
  };
  let reportsDir: string;
  const output: string[] = [];
  const handedOut: string[] = [];
  let exitCode: number;

  before(async () => {
    reportsDir = mkdtempSync(join(tmpdir(), 'gatecheck-leaks-'));
    const io = {
      out: (line: string) => output.push(line),
      err: (line: string) => output.push(line),
    };
    exitCode = await runDemo(
      {
        specPath: 'examples/dev-token-api.yaml',
        reportsDir,
        workers: 1,
        clientSecret: true,
        passwords,
        afterRun: async (sandbox: Sandbox) => {
          handedOut.push(sandbox.clientSecret ?? '', sandbox.apiKey);
          const main = sandbox.users.find((user) => user.role === 'main')!;
          const outbox = await fetch(
            `${sandbox.sandboxUrl}/__sandbox/outbox?username=${main.username}`,
            { headers: { 'x-gatecheck-sandbox-secret': sandbox.testSecret } },
          );
          handedOut.push(((await outbox.json()) as { code: string }).code);
        },
      },
      io,
    );
  });
  after(() => rmSync(reportsDir, { recursive: true, force: true }));

  it('signs in with an emailed code and passes every check', () => {
    expect(exitCode, output.join('\n')).to.equal(0);
    expect(output.join('\n')).to.match(/checks: \d+ passed, 0 failed, 0 inconclusive/);
  });

  it('knows what to look for: a client secret, an API key and an 8-digit code were handed out', () => {
    const [clientSecret, apiKey, code] = handedOut;
    expect(clientSecret).to.have.length.greaterThan(20);
    expect(apiKey).to.have.length.greaterThan(10);
    expect(code).to.match(/^\d{8}$/);
  });

  it('no secret or token in any report file or in the output', () => {
    const secrets = [...Object.values(passwords), ...handedOut];
    const files = filesUnder(reportsDir);
    expect(files.length).to.be.greaterThan(2);
    // A passing run's reports hold no request or answer at all (only failed checks keep theirs,
    // masked: test/e2e/html-report-browser.test.ts), so neither the sign-in nor a token is there.
    const summary = files.find((file) => file.endsWith('summary.json'));
    expect(summary).to.not.equal(undefined);
    expect(readFileSync(summary!, 'utf8')).to.not.match(/"(request|response)":/);
    for (const [name, text] of [
      ['output', output.join('\n')],
      ...files.map((file) => [file, readFileSync(file, 'utf8')]),
    ] as const) {
      for (const secret of secrets) {
        expect(text.includes(secret), `${name} contains a secret`).to.equal(false);
        expect(
          text.includes(JSON.stringify(secret).slice(1, -1)),
          `${name} (JSON-escaped)`,
        ).to.equal(false);
      }
      expect(tokenShape.test(text), `${name} contains a token`).to.equal(false);
    }
  });
});
