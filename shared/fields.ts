// The builders of a record kind's fields (shared/records.ts, shared/records-registers.ts): each a
// zod schema carrying the words and the control the screens use (zod's .meta()), so a field's
// rule, its label and its input are written once.
import { z } from 'zod';
import * as E from './enums';

export type Control = 'text' | 'longtext' | 'email' | 'url' | 'date' | 'int' | 'money' | 'currency' | 'enum' | 'person' | 'document' | 'vendor' | 'contract';

export interface FieldMeta {
  label: string;
  control: Control;
  options?: readonly string[];
  /** Shown as a column in the record's table. */
  column?: boolean;
  /** Help text under the input. */
  hint?: string;
  /** What an empty reference means, where it is more than "none" (shown in its picker and its table cell). */
  none?: string;
}

export const meta = (m: FieldMeta) => m as unknown as Record<string, unknown>;

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const requiredText = (label: string, column = true) =>
  z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(300, { error: 'is too long (300 characters at most)' })
    .meta(meta({ label, control: 'text', column }));
export const text = (label: string, column = false, hint?: string) =>
  z.string().trim().max(300, { error: 'is too long (300 characters at most)' }).meta(meta({ label, control: 'text', column, hint }));
export const longText = (label: string) =>
  z.string().trim().max(20000, { error: 'is too long (20,000 characters at most)' }).meta(meta({ label, control: 'longtext' }));
export const date = (label: string, column = false, hint?: string) =>
  z.string()
    .regex(ISO_DATE, { error: 'must be a date as YYYY-MM-DD' })
    .refine(isRealDate, { error: 'is not a calendar date' })
    .nullable()
    .meta(meta({ label, control: 'date', column, hint }));
export const days = (label: string, hint?: string) =>
  z.number({ error: 'must be a number of days' }).int({ error: 'must be a whole number of days' })
    .min(0, { error: 'cannot be negative' }).max(3650, { error: 'is more than ten years' })
    .nullable().meta(meta({ label, control: 'int', hint }));
export const choice = <T extends readonly [string, ...string[]]>(label: string, values: T, column = false) =>
  z.enum(values, { error: `must be one of: ${values.join(', ')}` }).meta(meta({ label, control: 'enum', options: values, column }));
export const ref = (label: string, control: 'person' | 'document', column = false, none?: string) =>
  z.uuid({ error: 'must be the id of a record' }).nullable().meta(meta({ label, control, column, none }));
export const url = (label: string, column = false) =>
  z.string().trim().max(2000, { error: 'is too long' })
    .refine((s) => s === '' || /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(s) || /^[\w.-]+@[\w.-]+:\S+$/.test(s), {
      error: 'must be a URL such as https://…',
    })
    .meta(meta({ label, control: 'url', column }));
export const notes = () => longText('Notes');
export const count = (label: string, max: number, error: string, hint?: string) =>
  z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0, { error: 'cannot be negative' })
    .max(max, { error }).nullable().meta(meta({ label, control: 'int', hint }));
/** A clause of a contract: present or not (or not yet read), and where it is in the text. */
export const clause = (label: string) => choice(label, E.CLAUSE);
export const clauseRef = (label: string) => text(`${label}: clause`, false, 'Where it is in the contract, such as § 14.2.');

export const vendorId = z.uuid({ error: 'must be the id of a vendor' }).meta(meta({ label: 'Vendor', control: 'vendor' }));
