// The per-kind record methods of the client, reachable by kind. The generic screens (tables,
// dialogs) work for every kind; the typed client's per-method signatures would need a switch each.
import type { ListInput, ListResult } from '../../shared/contract';
import type { RecordKind, Stamp } from '../../shared/records';
import { api } from '../api';

export type AnyRecord = Stamp & Record<string, unknown>;

type Call = (input: unknown) => Promise<unknown>;

export function recordApi(kind: RecordKind) {
  const call = (op: string) => (api as unknown as Record<string, Call>)[`${kind}.${op}`]!;
  return {
    create: (input: Record<string, unknown>) => call('create')(input) as Promise<AnyRecord>,
    update: (input: { id: string; expectedUpdatedAt?: string; changes: Record<string, unknown> }) => call('update')(input) as Promise<AnyRecord>,
    delete: (id: string) => call('delete')({ id }) as Promise<AnyRecord>,
    restore: (id: string) => call('restore')({ id }) as Promise<AnyRecord>,
    get: (id: string) => call('get')({ id }) as Promise<AnyRecord>,
    list: (input: ListInput) => call('list')(input) as Promise<ListResult<AnyRecord>>,
  };
}
