// The one form engine's pure part (renderer/forms/formCore.ts): values as strings typed for the
// shared schemas, problems sorted onto the fields that cause them and named by them, drafts read
// back only for the form's own fields.
import { describe, expect, it } from 'vitest';
import { API } from '../../shared/contract';
import { changedFields, checkForm, sortIssues, startValues, typedValues, type FormFields } from '../../renderer/forms/formCore';
import { recordFields, toForm } from '../../renderer/forms/formValues';
import { ITEM_FIELD, OFFSET_ERROR, OFFSET_FIELD } from '../../renderer/checklists/itemFields';

const CHECKLIST = '00000000-0000-4000-8000-00000000000c';
const ITEM: FormFields = { title: { meta: ITEM_FIELD.title }, phase: { meta: ITEM_FIELD.phase }, offset: OFFSET_FIELD, description: { meta: ITEM_FIELD.description } };
const addItem = (t: Record<string, unknown>) => ({ checklistId: CHECKLIST, phase: Number(t.phase), title: t.title, description: t.description, offsetDays: t.offset });
const check = (values: Record<string, string>) => checkForm(ITEM, { title: '', phase: '0', offset: '-30', description: '', ...values }, API['checklist.addItem'].input, addItem);

describe('checkForm', () => {
  it('names each wrong field with its own message and sends nothing', () => {
    expect(check({ title: '  ', offset: 'soon' })).toEqual({ ok: false, issues: { byField: { title: 'Title is required.', offset: OFFSET_ERROR }, other: [] } });
  });

  it('puts the schema’s message for offsetDays on the offset box, under its short name', () => {
    expect(check({ title: 'Escrow', offset: '-5000' })).toEqual({ ok: false, issues: { byField: { offset: 'Days from T is more than ten years before T.' }, other: [] } });
    expect(check({ title: 'Escrow', offset: '2.5' })).toEqual({ ok: false, issues: { byField: { offset: 'Days from T must be a whole number of days.' }, other: [] } });
  });

  it('gives the parsed input of the shared schema when all is right', () => {
    expect(check({ title: '  Escrow release ', phase: '3', offset: ' -45 ', description: 'Done when… ' })).toEqual({
      ok: true,
      input: { checklistId: CHECKLIST, phase: 3, title: 'Escrow release', description: 'Done when…', offsetDays: -45 },
    });
  });

  it('says which field of another schema is not right when no box of the form has it', () => {
    const result = checkForm(ITEM, { title: 'x', phase: '0', offset: '1', description: '' }, API['checklist.addItem'].input, (t) => ({ ...addItem(t), checklistId: 'nope' }));
    expect(result).toEqual({ ok: false, issues: { byField: {}, other: ['checklistId: must be the id of a record'] } });
  });
});

describe('sortIssues', () => {
  it('maps the backend’s paths onto the fields, the first message per field winning', () => {
    const issues = [
      { field: 'changes.offsetDays', message: 'is more than ten years after T' },
      { field: 'title', message: 'is required' },
      { field: 'title', message: 'is too long' },
      { field: 'dueDate', message: 'is not a calendar date' },
      { field: '', message: 'Something else went wrong.' },
    ];
    expect(sortIssues(ITEM, issues)).toEqual({
      byField: { offset: 'Days from T is more than ten years after T.', title: 'Title is required.' },
      other: ['dueDate: is not a calendar date', 'Something else went wrong.'],
    });
  });
});

describe('values', () => {
  it('starts from a draft’s strings for the form’s own fields only', () => {
    const original = { title: 'A', offset: '-30' };
    expect(startValues(original, { title: 'B', offset: 7, stray: 'x' })).toEqual({ title: 'B', offset: '-30' });
    expect(startValues(original, undefined)).toEqual(original);
  });

  it('tracks which fields differ from what was loaded', () => {
    expect(changedFields({ title: 'A', offset: '-30', description: '' }, { title: 'A', offset: '-31', description: 'x' })).toEqual(['offset', 'description']);
  });

  it('types a record’s strings as its schema takes them, a number that does not parse sent as typed', () => {
    const fields = recordFields('licence');
    const values = { ...toForm('licence', null), product: 'Jira', seats: ' 25 ', annualCost: 'lots', currency: 'eur', renewalDate: '' };
    expect(typedValues(fields, values, ['product', 'seats', 'annualCost', 'currency', 'renewalDate'])).toEqual({ product: 'Jira', seats: 25, annualCost: 'lots', currency: 'EUR', renewalDate: null });
    expect(Object.keys(fields)).not.toContain('vendorId');
  });

  it('types a ticked checkbox as true and an unticked one as false', () => {
    const fields: FormFields = { perProcess: { meta: { label: 'One item per process', control: 'checkbox' } } };
    expect(typedValues(fields, { perProcess: 'true' })).toEqual({ perProcess: true });
    expect(typedValues(fields, { perProcess: '' })).toEqual({ perProcess: false });
  });
});
