/**
 * gatecheck's HTML report in a real browser (Debian's chromium, driven by playwright-core): the
 * page of a failing run against the sandbox (a user may change another's record) renders its
 * summary, the operations × checks grid, the failures with their curl lines and the authorization
 * matrix, makes no request at all beyond its own file, and links nowhere but to http(s) addresses
 * even when the collection's description holds `javascript:` links. A screenshot is saved in the
 * test's temporary folder.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { chromium, type Browser } from 'playwright-core';
import { main } from '../../generators/cli/main.js';
import { runCollection } from '../../generators/run/run-collection.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { sandboxRunValues } from '../run/sandbox-values.js';

const chromiumPath = '/usr/bin/chromium';

describe('the HTML report in headless chromium @slow', function () {
  this.timeout(180_000);
  let sandbox: Sandbox;
  let browser: Browser;
  let dir: string;
  let reportDir: string;
  let counts: { checks: number; failed: number };
  const secrets: string[] = [];

  before(async function () {
    if (!existsSync(chromiumPath)) {
      console.log(`      skipped: no browser at ${chromiumPath} (apt-get install chromium)`);
      this.skip();
    }
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-html-report-'));
    const quiet = { out: () => {}, err: () => {} };
    expect(await main(['generate', 'examples/users-api.json', '--out-dir', dir], quiet)).to.equal(
      0,
    );
    const collectionPath = join(dir, 'collections', 'users-api.postman_collection.json');
    // A description with links of every kind: only the https one may become a link.
    const collection = JSON.parse(await readFile(collectionPath, 'utf8')) as {
      info: { description: string };
    };
    collection.info.description +=
      '\n\nSee [the docs](https://example.com/docs), [click me](javascript:alert(document.cookie)), ' +
      '<a href="javascript:alert(1)">this</a> and [data](data:text/html,<script>alert(1)</script>).';
    await writeFile(collectionPath, JSON.stringify(collection));
    sandbox = await startSandbox({
      specPath: 'examples/users-api.json',
      faults: [{ name: 'owner-check-removed' }],
    });
    const values = sandboxRunValues(sandbox);
    secrets.push(
      values.password ?? '',
      ...sandbox.personas.map((persona) => persona.password),
      sandbox.apiKey,
    );
    const result = await runCollection({
      collectionPath,
      environmentPath: join(dir, 'environments', 'users-api.prod.postman_environment.json'),
      values,
      secrets: secrets.filter(Boolean),
      reportsDir: join(dir, 'reports'),
      workers: 2,
      io: quiet,
    });
    expect(result.exitCode).to.equal(1);
    reportDir = result.reportDir;
    counts = result.report.counts;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await sandbox?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('one self-contained page per run, small, with no secret in it', async () => {
    const files = (await readdir(reportDir)).sort();
    expect(files).to.deep.equal(['junit.xml', 'report.html', 'summary.json']);
    const html = await readFile(join(reportDir, 'report.html'), 'utf8');
    expect((await stat(join(reportDir, 'report.html'))).size).to.be.below(2 * 1024 * 1024);
    for (const secret of secrets) expect(html.includes(secret)).to.equal(false);
    expect(html).to.not.match(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
  });

  it('renders the summary, grid, failures and matrix, and requests nothing from anywhere', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const url = pathToFileURL(join(reportDir, 'report.html')).href;
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });

      // Summary first, with the run's counts.
      const headings = await page.locator('section h2').allTextContents();
      expect(headings[0]).to.equal('Summary');
      const summary = await page.locator('#summary').innerText();
      expect(summary).to.include(String(counts.checks));
      expect(summary).to.match(/failed/);
      expect(await page.locator('header .outcome').innerText()).to.equal('failed');
      // One grid cell per check, a red one per failed check.
      expect(await page.locator('#grid .cells .cell').count()).to.equal(counts.checks);
      expect(await page.locator('#grid .cells .cell.failed').count()).to.equal(counts.failed);
      // Each failure with its reason and a curl line, secrets masked.
      expect(await page.locator('#failures .failure').count()).to.equal(counts.failed);
      const failures = await page.locator('#failures').innerText();
      expect(failures).to.match(/authz · PUT \/users\/\{id\} · other → refused/);
      expect(failures).to.match(/curl -i -X PUT http:\/\/127\.0\.0\.1:\d+\/prod\/users\//);
      expect(failures).to.include('Authorization: Bearer [redacted]');
      // The authorization matrix, personas × operations.
      const matrix = await page.locator('#authz table').innerText();
      expect(matrix).to.match(/owner\s+other\s+admin\s+support/);
      expect(await page.locator('#authz td.m-failed').count()).to.be.above(0);
      // Links: only the https one of the description.
      const links = await page
        .locator('a')
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
      expect(links).to.deep.equal(['https://example.com/docs']);
      expect(await page.locator('#summary').innerText()).to.include(
        '[click me](javascript:alert(document.cookie)',
      );
      // Nothing but the file itself was requested.
      expect(requested).to.deep.equal([url]);
      expect(existsSync(join(dir, 'report.png'))).to.equal(true);
    } finally {
      await page.close();
    }
  });
});
