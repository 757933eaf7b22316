import { invalidParameter, missingMember } from './cognito-error.js';

/** A request body as parsed JSON: the operation's input shape, still untyped. */
export type Input = Record<string, unknown>;

export function requireString(input: Input, member: string): string {
  const value = input[member];
  if (typeof value !== 'string' || value === '') throw missingMember(member);
  return value;
}

export function optionalString(input: Input, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(`${member} must be a string.`);
  return value;
}

export function optionalBoolean(input: Input, member: string): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidParameter(`${member} must be a boolean.`);
  return value;
}

export function optionalNumber(input: Input, member: string): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidParameter(`${member} must be a number.`);
  }
  return value;
}

export function optionalObject(input: Input, member: string): Input | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParameter(`${member} must be an object.`);
  }
  return value as Input;
}

export function optionalStringList(input: Input, member: string): string[] | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw invalidParameter(`${member} must be a list of strings.`);
  }
  return value as string[];
}

/** `AuthParameters`, `ChallengeResponses`: maps of string to string. */
export function stringMap(input: Input, member: string): Record<string, string> {
  const value = optionalObject(input, member) ?? {};
  const map: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') throw invalidParameter(`${member}.${key} must be a string.`);
    map[key] = item;
  }
  return map;
}

/** `UserAttributes: [{Name, Value}]` as AWS sends and accepts them. */
export function attributeList(input: Input, member: string): [string, string][] {
  const value = input[member];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidParameter(`${member} must be a list.`);
  return value.map((entry: unknown) => {
    const { Name, Value } = (entry ?? {}) as { Name?: unknown; Value?: unknown };
    if (typeof Name !== 'string' || Name === '')
      throw invalidParameter(`${member}.Name is required.`);
    return [Name, typeof Value === 'string' ? Value : ''];
  });
}
