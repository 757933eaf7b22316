import { createHmac } from 'node:crypto';
import * as cognitoJs from 'amazon-cognito-identity-js';

/**
 * amazon-cognito-identity-js's `AuthenticationHelper` (AWS's own SRP client; exported by the package
 * but not typed), driven with fixed inputs so the project's SRP code can be compared with it.
 */
interface BigIntegerLike {
  toString(radix: number): string;
}
interface BigIntegerClass {
  new (hex: string, radix: number): BigIntegerLike;
}
interface Helper {
  N: BigIntegerLike;
  smallAValue: BigIntegerLike;
  largeAValue?: BigIntegerLike;
  getLargeAValue(callback: (error: unknown, value: BigIntegerLike) => void): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    serverB: BigIntegerLike,
    salt: BigIntegerLike,
    callback: (error: unknown, key: Uint8Array) => void,
  ): void;
}
const { AuthenticationHelper } = cognitoJs as unknown as {
  AuthenticationHelper: new (poolName: string) => Helper;
};

export interface OracleInputs {
  poolName: string;
  userId: string;
  password: string;
  /** Hex of the client's secret a. */
  smallA: string;
  salt: string;
  srpB: string;
  secretBlock: string;
  timestamp: string;
}

export async function oracleClaim(
  inputs: OracleInputs,
): Promise<{ srpA: string; signature: string }> {
  const helper = new AuthenticationHelper(inputs.poolName);
  const BigInteger = helper.N.constructor as unknown as BigIntegerClass;
  helper.smallAValue = new BigInteger(inputs.smallA, 16);
  delete helper.largeAValue;
  const largeA = await new Promise<BigIntegerLike>((resolve, reject) =>
    helper.getLargeAValue((error, value) => (error ? reject(error) : resolve(value))),
  );
  const key = await new Promise<Uint8Array>((resolve, reject) =>
    helper.getPasswordAuthenticationKey(
      inputs.userId,
      inputs.password,
      new BigInteger(inputs.srpB, 16),
      new BigInteger(inputs.salt, 16),
      (error, value) => (error ? reject(error) : resolve(value)),
    ),
  );
  // The claim itself, as CognitoUser.authenticateUserDefaultAuth signs it with the helper's key.
  const signature = createHmac('sha256', Buffer.from(key))
    .update(
      Buffer.concat([
        Buffer.from(inputs.poolName, 'utf8'),
        Buffer.from(inputs.userId, 'utf8'),
        Buffer.from(inputs.secretBlock, 'base64'),
        Buffer.from(inputs.timestamp, 'utf8'),
      ]),
    )
    .digest('base64');
  return { srpA: largeA.toString(16), signature };
}
