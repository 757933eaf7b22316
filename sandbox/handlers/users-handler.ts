import { randomUUID } from 'node:crypto';
import { bodyOf, callerOf, methodOf, pathParametersOf, type Caller } from './event-fields.js';
import type { Handler, HandlerContext, ProxyResult } from './types.js';
import { checkJsonBody } from './validate-body.js';

/** A record the users API starts with, so that `GET /users/{id}` with the spec's example id answers 200. */
export interface UserRecordSeed {
  id: string;
  owner: Owner;
  body: Record<string, unknown>;
}

/** Who created a record: matched by `sub` when known, else by user name. */
export interface Owner {
  username: string;
  sub?: string;
}

interface StoredRecord {
  owner: Owner;
  body: Record<string, unknown>;
}

/**
 * The example users API: an in-memory CRUD store on `/users` and `/users/{id}`. A caller may change
 * or delete only the records they created, unless they are in group `admin` (the `owner-check-removed`
 * and `group-check-removed` faults loosen these two rules); that owner check is the integration's, so its refusal carries no `x-amzn-ErrorType`.
 *
 * A seeded record is a fixture: deleting it answers as documented and puts the seed back, so a run
 * can be repeated against one sandbox (its positive DELETE removes the very record its positive
 * GET and PUT use). Records created with POST go for good.
 */
export function createUsersHandler(seeds: UserRecordSeed[] = []): Handler {
  const seeded = (seed: UserRecordSeed): StoredRecord => ({
    owner: seed.owner,
    body: { ...seed.body, id: seed.id, ...(seed.owner.sub ? { owner: seed.owner.sub } : {}) },
  });
  const seedsById = new Map(seeds.map((seed) => [seed.id, seed]));
  const records = new Map<string, StoredRecord>(seeds.map((seed) => [seed.id, seeded(seed)]));
  return async (event, context) => {
    const method = methodOf(event);
    const id = Object.values(pathParametersOf(event))[0];
    const caller = callerOf(event);
    if (id === undefined) {
      if (method === 'GET')
        return json(
          context.route.success.status,
          [...records.values()].map((r) => r.body),
        );
      if (method === 'POST') return create(records, bodyOf(event), caller, context);
      return json(405, { message: 'Method not allowed' });
    }
    const record = records.get(id);
    if (!record) return json(404, { message: 'User not found' });
    if (method === 'GET') return json(context.route.success.status, record.body);
    if (!mayChange(caller, record, context))
      return json(403, { message: 'Forbidden: not the owner' });
    if (method === 'DELETE') {
      const seed = seedsById.get(id);
      if (seed) records.set(id, seeded(seed));
      else records.delete(id);
      return context.route.success.contentType
        ? json(context.route.success.status, record.body)
        : { statusCode: context.route.success.status };
    }
    if (method === 'PUT' || method === 'PATCH') {
      const check = await checkJsonBody(bodyOf(event), context.route, context.document);
      if (!check.ok) return json(400, { message: check.message });
      const owner = record.body.owner;
      record.body =
        method === 'PUT'
          ? { ...check.value, id, owner }
          : { ...record.body, ...check.value, id, owner };
      if (owner === undefined) delete record.body.owner;
      return json(context.route.success.status, record.body);
    }
    return json(405, { message: 'Method not allowed' });
  };
}

async function create(
  records: Map<string, StoredRecord>,
  body: string | undefined,
  caller: Caller | undefined,
  context: HandlerContext,
): Promise<ProxyResult> {
  const check = await checkJsonBody(body, context.route, context.document);
  if (!check.ok) return json(400, { message: check.message });
  const id = randomUUID();
  // `owner` is the creator's `sub`, as the example users API documents it.
  const owner: Owner = {
    username: caller?.username ?? '',
    ...(caller?.sub ? { sub: caller.sub } : {}),
  };
  const record = {
    owner,
    body: { ...check.value, id, ...(owner.sub ? { owner: owner.sub } : {}) },
  };
  records.set(id, record);
  return json(context.route.success.status, record.body);
}

function mayChange(
  caller: Caller | undefined,
  record: StoredRecord,
  context: HandlerContext,
): boolean {
  if (context.faults.has('owner-check-removed')) return true;
  if (!caller) return false;
  if (caller.groups.includes('admin')) return true;
  if (context.faults.has('group-check-removed') && caller.groups.length > 0) return true;
  return record.owner.sub !== undefined && caller.sub !== undefined
    ? caller.sub === record.owner.sub
    : caller.username === record.owner.username;
}

function json(statusCode: number, value: unknown): ProxyResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  };
}
