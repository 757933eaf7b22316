import { expect } from 'chai';
import { describeAwsError } from '../../generators/aws/client-config.js';

/** An SDK service exception as the SDK builds it: a name and `$metadata`. */
function serviceError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });
}

describe('AWS errors as one line naming the cause and the fix', () => {
  it('no credentials at all (the SDK sends no request)', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    expect(describeAwsError(error)).to.match(/^no AWS credentials found: set AWS_PROFILE/);
  });

  it('an expired session, access denied, unknown keys', () => {
    expect(describeAwsError(serviceError('ExpiredTokenException', 'x'))).to.match(
      /session has expired: sign in again/,
    );
    expect(describeAwsError(serviceError('AccessDeniedException', 'x'))).to.match(
      /^access denied: the credentials lack the IAM permission/,
    );
    expect(describeAwsError(serviceError('UnrecognizedClientException', 'x'))).to.match(
      /does not recognise these credentials/,
    );
  });

  it('other service errors keep their name and message; a plain bug stays undefined', () => {
    expect(describeAwsError(serviceError('NotFoundException', 'Invalid stage'))).to.equal(
      'NotFoundException: Invalid stage',
    );
    expect(describeAwsError(new TypeError('x is undefined'))).to.equal(undefined);
  });
});
