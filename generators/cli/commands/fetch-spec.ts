import { basename, dirname } from 'node:path';
import { ExitCode, InputError } from '../../errors.js';
import { defineCommand } from '../command.js';
import { headings } from './headings.js';

export const fetchSpecCommand = defineCommand({
  ...headings['fetch-spec'],
  examples: [
    {
      line: '$0 fetch-spec --rest-api-id a1b2c3d4e5 --stage prod --region eu-west-1',
      what: 'Write a1b2c3d4e5-prod.json (your API id; needs apigateway:GET)',
    },
    {
      line: '$0 fetch-spec --rest-api-id a1b2c3d4e5 --stage prod --region eu-west-1 --export-type swagger --out openapi/api-export.json',
      what: 'Swagger 2.0, to a chosen file',
    },
  ],
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
  handler: async (args, io) => {
    const { APIGatewayClient } = await import('@aws-sdk/client-api-gateway');
    const { awsClientConfig, describeAwsError } = await import('../../aws/client-config.js');
    const { fetchOpenApiExport } = await import('../../aws/fetch-export.js');
    const { writeFilesAtomically } = await import('../../write/write-files.js');
    const client = new APIGatewayClient(
      awsClientConfig(
        {
          ...(args.region ? { region: args.region } : {}),
          ...(args.endpoint ? { endpoint: args.endpoint } : {}),
        },
        process.env,
      ),
    );
    let text: string;
    try {
      text = await fetchOpenApiExport(client, {
        restApiId: args.restApiId,
        stage: args.stage,
        exportType: args.exportType,
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
    const out = args.out ?? `${args.restApiId}-${args.stage}.json`;
    await writeFilesAtomically(dirname(out), [{ path: basename(out), content: text }]);
    io.out(`wrote ${out}`);
    return ExitCode.ok;
  },
});
