import { basename, dirname } from 'node:path';
import { ExitCode, InputError } from '../../errors.js';
import type { Command } from '../command.js';
import { runCommand } from '../run-command.js';

export const fetchSpecCommand: Command = {
  command: 'fetch-spec',
  describe:
    "Download a deployed REST API's OpenAPI export (oas30, with the authorizers) with the AWS SDK",
  builder: (yargs) =>
    yargs
      .option('rest-api-id', { type: 'string', demandOption: true, describe: 'REST API id' })
      .option('stage', { type: 'string', demandOption: true, describe: 'Stage name' })
      .option('region', { type: 'string', describe: 'AWS region (default: AWS_REGION)' })
      .option('endpoint', { type: 'string', describe: 'API Gateway endpoint (the sandbox)' })
      .option('export-type', { choices: ['oas30', 'swagger'] as const, default: 'oas30' as const })
      .option('out', {
        type: 'string',
        describe: 'Write here (default: <rest-api-id>-<stage>.json)',
      }),
  run: (args, io) =>
    runCommand(io, async () => {
      const { APIGatewayClient } = await import('@aws-sdk/client-api-gateway');
      const { awsClientConfig, describeAwsError } = await import('../../aws/client-config.js');
      const { fetchOpenApiExport } = await import('../../aws/fetch-export.js');
      const { writeFilesAtomically } = await import('../../write/write-files.js');
      const flags = args as unknown as {
        restApiId: string;
        stage: string;
        region?: string;
        endpoint?: string;
        exportType: 'oas30' | 'swagger';
        out?: string;
      };
      const client = new APIGatewayClient(
        awsClientConfig(
          {
            ...(flags.region ? { region: flags.region } : {}),
            ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
          },
          process.env,
        ),
      );
      let text: string;
      try {
        text = await fetchOpenApiExport(client, {
          restApiId: flags.restApiId,
          stage: flags.stage,
          exportType: flags.exportType,
        });
      } catch (error) {
        const described = describeAwsError(error);
        if (!described || error instanceof InputError) throw error;
        throw new InputError(`API Gateway refused the export: ${described}`, {
          hint: 'Check --rest-api-id, --stage and --region, and that your credentials may call apigateway:GET',
        });
      } finally {
        client.destroy();
      }
      const out = flags.out ?? `${flags.restApiId}-${flags.stage}.json`;
      await writeFilesAtomically(dirname(out), [{ path: basename(out), content: text }]);
      io.out(`wrote ${out}`);
      return ExitCode.ok;
    }),
};
