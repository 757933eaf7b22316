import { ExitCode } from '../../errors.js';
import type { OperationSummary } from '../../model/summarise-model.js';
import { grantLabels, type InspectSummary } from '../token-source-summary.js';
import { authzSummaryLines } from '../authz-summary.js';
import { defineCommand } from '../command.js';
import { headings } from './headings.js';
import { depthOf, withDepthFlag } from '../depth-flag.js';
import { loadOptionsOf, withLoadFlags } from '../load-flags.js';
import type { Io } from '../../io.js';
import { printable } from '../../terminal-text.js';

const protectionNames: Record<OperationSummary['protection'], string> = {
  public: 'public',
  cognito: 'Cognito authorizer',
  jwt: 'JWT authorizer',
  lambda: 'Lambda authorizer (Cognito tokens)',
  'api-key': 'API key',
  unsupported: 'unsupported',
};

export const inspectCommand = defineCommand({
  ...headings.inspect,
  examples: [
    {
      line: '$0 inspect examples/users-api.json',
      what: 'Table of operations, authorizers and expected rejections',
    },
    { line: '$0 inspect examples/dev-token-api.yaml --json', what: 'Machine-readable summary' },
    {
      line: '$0 inspect examples/lab-demo-api.yaml --base-url https://abc123.execute-api.eu-west-1.amazonaws.com/test',
      what: 'As deployed on another stage',
    },
  ],
  builder: (yargs) =>
    withDepthFlag(withLoadFlags(yargs))
      .positional('spec', {
        describe: 'OpenAPI/Swagger file (JSON or YAML) or http(s) URL',
        type: 'string',
        demandOption: true,
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print a stable JSON document (docs/inspect-json.md) instead of a table',
      })
      .option('authz', {
        describe:
          'Authorization rules file (personas, who may call what); default: <spec>.authz.yaml or gatecheck.authz.yaml beside the spec',
        type: 'string',
      })
      .option('base-url', {
        type: 'string',
        describe: "Stage URL to use instead of the spec's servers",
      }),
  handler: async (args, io) => {
    const [
      { loadAndModel },
      { summariseModel },
      { variableReferencesIn },
      { withTokenSources },
      { depthSummaryLines },
    ] = await Promise.all([
      import('../../pipeline.js'),
      import('../../model/summarise-model.js'),
      import('../../render/neutralise-variables.js'),
      import('../token-source-summary.js'),
      import('../depth-summary.js'),
    ]);
    const { authz: authzPath, baseUrl, spec: source } = args;
    const { spec, model } = await loadAndModel(source, {
      ...loadOptionsOf(args),
      ...(baseUrl === undefined ? {} : { baseUrl }),
      ...(authzPath === undefined ? {} : { authzPath }),
    });
    warnVariableReferences(variableReferencesIn(spec.document), io);
    const summary = withTokenSources(model, summariseModel(model));
    if (args.json) io.out(JSON.stringify(summary, null, 2));
    else {
      printSummary(summary, io, depthSummaryLines(model, depthOf(args)));
      for (const line of authzSummaryLines(model, source)) io.out(line);
    }
    return ExitCode.ok;
  },
});

/**
 * Postman has no escape for `{{`: generated requests carry `{ {` instead (neutralise-variables.ts),
 * which changes what is sent, so the user is told where. On stderr, so `--json` stays one document.
 */
function warnVariableReferences(pointers: string[], io: Io): void {
  const shown = 10;
  for (const pointer of pointers.slice(0, shown)) {
    io.err(
      `warning [postman-variable] "{{" in the spec is rendered as "{ {" so no spec text names a Postman variable (#${printable(pointer)})`,
    );
  }
  if (pointers.length > shown) {
    io.err(`warning [postman-variable] ... and ${pointers.length - shown} more place(s)`);
  }
}

function printSummary(summary: InspectSummary, io: Io, depthLines: string[]): void {
  const kind = summary.gatewayKind === 'http' ? 'HTTP API' : 'REST API';
  io.out(
    `${printable(summary.title)} (${summary.specVersion === '2.0' ? 'Swagger 2.0' : `OpenAPI ${summary.specVersion}`}, ${kind})`,
  );
  for (const stage of summary.stages) {
    io.out(printable(`stage ${stage.name}: ${stage.baseUrl}`));
  }
  io.out('');
  const rows = summary.operations.map((operation) => [
    operation.method,
    operation.path,
    operation.unsupported
      ? `unsupported (${operation.unsupported})`
      : protectionNames[operation.protection],
    operation.tokenHeader ?? '-',
    operation.tokenKind === 'id' ? 'ID' : operation.tokenKind === 'access' ? 'access' : '-',
    operation.scopes.length > 0 ? operation.scopes.join(' ') : '-',
    operation.tokenSource
      ? `${grantLabels[operation.tokenSource.grant]}${operation.tokenSource.ambiguous ? ' (assumed)' : ''}`
      : '-',
    operation.apiKeyHeader ?? '-',
    operation.rejection
      ? [String(operation.rejection.status), operation.rejection.errorType]
          .filter(Boolean)
          .join(' ')
      : '-',
  ]);
  printTable(
    [
      'METHOD',
      'PATH',
      'PROTECTION',
      'TOKEN HEADER',
      'TOKEN',
      'SCOPES',
      'TOKEN FROM',
      'API KEY',
      'REJECTION',
    ],
    rows.map((row) => row.map(printable)),
    io,
  );
  io.out('');
  for (const line of depthLines) io.out(line);
  io.out(`${summary.operations.length} operation(s), ${summary.warnings.length} warning(s)`);
  for (const warning of summary.warnings) {
    io.out(printable(`warning [${warning.code}] ${warning.message} (#${warning.pointer})`));
  }
}

function printTable(header: string[], rows: string[][], io: Io): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  for (const row of [header, ...rows]) {
    io.out(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  }
}
