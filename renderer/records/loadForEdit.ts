// A record fresh from the backend for its edit dialog, with the names of the people, documents
// and vendor it refers to (the pickers show names, the record holds ids).
import { fieldMeta, fieldNames, refLabel, type RecordKind } from '../../shared/records';
import { recordApi, type AnyRecord } from './recordApi';
import { titleOf } from './titleOf';

export interface RecordForEdit {
  record: AnyRecord;
  labels: Record<string, string>;
}

export async function loadForEdit(kind: RecordKind, id: string, known: Record<string, string> = {}): Promise<RecordForEdit> {
  const record = await recordApi(kind).get(id);
  const labels: Record<string, string> = {};
  await Promise.all(
    fieldNames(kind).map(async (field) => {
      const control = fieldMeta(kind, field).control;
      const ref = record[field];
      if ((control !== 'person' && control !== 'document' && control !== 'vendor') || typeof ref !== 'string' || !ref) return;
      if (known[ref]) {
        labels[ref] = known[ref];
        return;
      }
      try {
        // A person who has left still has a name: "Dmitri Ivanov (left)".
        const target = await recordApi(control).get(ref);
        labels[ref] = refLabel(control, titleOf(control, target), target.deletedAt !== null);
      } catch {
        // A reference to a record that is not there at all: the picker shows it unnamed, and the user can change it.
      }
    }),
  );
  return { record, labels };
}
