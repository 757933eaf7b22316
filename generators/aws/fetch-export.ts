/**
 * Downloads a deployed REST API's OpenAPI description with GetExport
 * (docs/reference/aws-wire-behaviour.md §4): `oas30` with `extensions=authorizers`, because without
 * it the Cognito scheme has no `x-amazon-apigateway-authorizer` and so no user pool ARN.
 */
import { GetExportCommand, type APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { InputError } from '../errors.js';

export interface ExportRequest {
  restApiId: string;
  stage: string;
  /** `oas30` (default) or `swagger`. */
  exportType?: 'oas30' | 'swagger';
}

export async function fetchOpenApiExport(
  client: APIGatewayClient,
  request: ExportRequest,
): Promise<string> {
  const answer = await client.send(
    new GetExportCommand({
      restApiId: request.restApiId,
      stageName: request.stage,
      exportType: request.exportType ?? 'oas30',
      parameters: { extensions: 'authorizers' },
      accepts: 'application/json',
    }),
  );
  const text = answer.body ? new TextDecoder().decode(answer.body) : '';
  try {
    JSON.parse(text);
  } catch {
    throw new InputError('API Gateway did not answer with a JSON OpenAPI document', {
      file: `restapis/${request.restApiId}/stages/${request.stage}`,
      hint: 'Check the REST API id and stage (HTTP APIs are exported with `aws apigatewayv2 export-api`)',
    });
  }
  return text;
}
