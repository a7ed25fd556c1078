// Exports of other tools, recognised by their headers and mapped without manual work. The
// header names are copied from each project's own sources (named per format below), not guessed.
import type { SheetKind } from '../../../shared/sheets';
import { norm } from './fields';

export interface KnownFormatDef {
  tool: 'snipe-it' | 'glpi' | 'itop';
  table: string;
  label: string;
  kind: SheetKind;
  /** Header → field; headers mapped to null are known to the format and left out on purpose (an integer id of the other tool, a licence key). */
  columns: Record<string, string | null>;
  /** Headers that must all be present for the file to be this format ("A|B": either). */
  signature: string[];
  /** The tool's own words for choice values, where synonyms would not find them. */
  values?: Record<string, Record<string, string>>;
}

// Snipe-IT (github:snipe/snipe-it at 5aa5c48). Licences: the CSV export of
// app/Http/Controllers/Licenses/LicensesController.php (getExportLicensesCsv), its labels from
// resources/lang/en-US/general.php, admin/licenses/table.php, admin/licenses/form.php and
// admin/hardware/form.php. Suppliers: the list export of resources/views/suppliers/index.blade.php
// with resources/lang/en-US/admin/suppliers/table.php and general.php.
const SNIPE_IT: KnownFormatDef[] = [
  {
    tool: 'snipe-it', table: 'licenses', label: 'Snipe-IT licences export', kind: 'licences',
    signature: ['Serial Number', 'Licenses available', 'Seats', 'Reassignable', 'Expiration Date'],
    columns: {
      'id': null, 'Company': null, 'Name': 'product', 'Serial Number': null, 'Purchase Date': null, 'Purchase Cost': null,
      'Order Number': null, 'Licenses available': null, 'Seats': 'seats', 'Created By': null, 'Depreciation': null,
      'Updated at': null, 'Deleted at': null, 'Email': null, 'Fully Depreciated': null, 'Supplier': null,
      'Expiration Date': 'renewalDate', 'Purchase Order Number': null, 'Termination Date': null, 'Maintained': null,
      'Manufacturer': 'licensor', 'Category': null, 'Min. QTY': null, 'Reassignable': 'transferable', 'Notes': 'notes', 'Created At': null,
    },
  },
  {
    tool: 'snipe-it', table: 'suppliers', label: 'Snipe-IT suppliers export', kind: 'vendors',
    signature: ['Supplier Name', 'Supplier Address', 'Contact Name'],
    columns: {
      'ID': null, 'Image': null, 'Supplier Name': 'name', 'Supplier Address': null, 'Contact Name': 'vendorContactId', 'Email': null,
      'Phone': null, 'Fax': null, 'URL': null, 'Assets': null, 'Accessories': null, 'Licenses': null, 'Components': null, 'Consumables': null,
    },
  },
];

// GLPI (glpi-project/glpi at 0042059, read through the code index: the snapshot is larger than
// a fetch takes). A search result exported as CSV has the search options' names as headers:
// src/SoftwareLicense.php, src/Contract.php, src/Supplier.php and src/Document.php, each in
// rawSearchOptions().
const GLPI: KnownFormatDef[] = [
  {
    tool: 'glpi', table: 'SoftwareLicense', label: 'GLPI software licences export', kind: 'licences',
    signature: ['Name', 'Software', 'Number', 'Expiration'],
    columns: {
      'Name': 'product', 'ID': null, 'Serial number': null, 'Number': 'seats', 'Type': 'type', 'Purchase version': null, 'Version in use': null,
      'Expiration': 'renewalDate', 'Valid': null, 'Software': null, 'Allow Over-Quota': null, 'Father': null, 'Comments': 'notes',
      'Creation date': null, 'Technician in charge of the license': null, 'Status': null, 'Entity': null,
    },
  },
  {
    tool: 'glpi', table: 'Contract', label: 'GLPI contracts export', kind: 'vendors',
    signature: ['Associated suppliers', 'Start date', 'Duration'],
    columns: {
      'Name': 'contractRef', 'ID': null, 'Number': null, 'Status': null, 'Type': null, 'Start date': 'contractStart', 'Duration': null,
      'Last update': null, 'Creation date': null, 'End date': 'contractEnd', 'Notice': null, 'Periodicity': null, 'Invoice period': null,
      'Account number': null, 'Renewal': 'renewal', 'Expiration': null, 'Expiration date + notice': null, 'Comments': 'notes', 'Entity': null,
      'Email alarms': null, 'Child entities': null, 'Number of items': null, 'Associated suppliers': 'name', 'Total cost': null,
    },
    // Contract::getContractRenewalName(): 'Never', 'Tacit', 'Express'.
    values: { renewal: { Never: 'none' } },
  },
  // The same export read as contract records (issue 11). GLPI writes Notice, Duration and
  // Periodicity with their unit, Dropdown::getValueWithUnit(n, 'month') in
  // src/Glpi/Search/Provider/SQLProvider.php giveItem() (at bf61ebc): "3 months", which the notice
  // period's reader takes as amount and unit, and the renewal term's as months. Duration is the initial
  // term, which End date (start + duration) already gives. The cost group's columns are headed
  // "Cost - …" (the option group's name, src/Glpi/Search/Output/Spreadsheet.php at 0246b1b) and the
  // record has no field for them. Type is the site's own contract types: those our kinds do not
  // name are offered in the value picker.
  {
    tool: 'glpi', table: 'Contract', label: 'GLPI contracts export', kind: 'contracts',
    signature: ['Associated suppliers', 'Start date', 'Duration'],
    columns: {
      'Name': 'title', 'ID': null, 'Number': 'reference', 'Status': null, 'Type': 'kind', 'Start date': 'start', 'Duration': null,
      'Last update': null, 'Creation date': null, 'End date': 'initialEnd', 'Notice': 'noticeAmount', 'Periodicity': 'renewalMonths',
      'Invoice period': null, 'Account number': null, 'Renewal': 'renewal', 'Expiration': null, 'Expiration date + notice': null,
      'Comments': 'notes', 'Entity': null, 'Email alarms': null, 'Child entities': null, 'Number of items': null,
      'Associated suppliers': 'vendorId', 'Cost - Total cost': null, 'Cost - Costs': null,
    },
    values: { renewal: { Never: 'none' } },
  },
  {
    tool: 'glpi', table: 'Supplier', label: 'GLPI suppliers export', kind: 'vendors',
    signature: ['Name', 'Third party type'],
    columns: {
      'Name': 'name', 'ID': null, 'Address': null, 'Fax': null, 'City': null, 'Postal code': null, 'State': null, 'Country': null, 'Website': null,
      'Phone': null, 'Email': null, 'Third party type': null, 'Last update': null, 'Creation date': null, 'Associated contacts': null,
      'Comments': 'notes', 'Entity': null, 'Child entities': null, 'Associated contracts': 'contractRef', 'Administrative number': null, 'Active': null,
    },
  },
  {
    tool: 'glpi', table: 'Document', label: 'GLPI documents export', kind: 'documents',
    signature: ['Name', 'Heading', 'MIME type'],
    columns: {
      'Name': 'title', 'ID': null, 'File': null, 'Web link': 'location', 'MIME type': null, 'Tag': null, 'Heading': 'kind', 'Entity': null,
      'Child entities': null, 'Last update': null, 'Creation date': null, 'Checksum (SHA1)': null, 'Comments': 'notes', 'Number of associated items': null,
    },
  },
];

// iTop (github:Combodo/iTop at dd34fda). Its CSV export heads each column with the attribute's
// label (core/tabularbulkexport.class.inc.php), external keys as "<key label>-><field label>":
// labels from datamodels/2.x/itop-structure/dictionaries/en.dict.itop-structure.php
// (Organization, Document, DocumentWeb), itop-config-mgmt/dictionaries/en.dict.itop-config-mgmt.php
// (Licence, SoftwareLicence) and itop-service-mgmt/dictionaries/en.dict.itop-service-mgmt.php (Contract).
const ITOP: KnownFormatDef[] = [
  {
    tool: 'itop', table: 'Organization', label: 'iTop organisations export', kind: 'vendors',
    signature: ['Name', 'Code', 'Status', 'Delivery model name|Delivery model->Name|Delivery model'],
    columns: {
      'id': null, 'Name': 'name', 'Code': null, 'Status': 'status', 'Parent': null, 'Parent name': null, 'Parent->Name': null,
      'Delivery model': null, 'Delivery model name': null, 'Delivery model->Name': null,
    },
  },
  {
    tool: 'itop', table: 'ProviderContract', label: 'iTop contracts export', kind: 'vendors',
    signature: ['Provider Name|Provider->Name', 'Start date', 'End date'],
    columns: {
      'id': null, 'Name': 'contractRef', 'Customer': null, 'Customer Name': null, 'Customer->Name': null, 'Description': 'services',
      'Start date': 'contractStart', 'End date': 'contractEnd', 'Cost': null, 'Cost Currency': null, 'Contract type': null,
      'Contract type Name': null, 'Contract type->Name': null, 'Billing frequency': null, 'Cost unit': null, 'Provider': null,
      'Provider Name': 'name', 'Provider->Name': 'name', 'Status': null, 'Contract sub-class': null, 'SLA': null, 'Service hours': null,
    },
  },
  // The same export read as contract records (issue 11): a provider contract's provider is the
  // vendor. Labels as en.dict.itop-service-mgmt.php has them at 007927c (Contract, ProviderContract);
  // Contract has no notice or renewal attributes. "Provider" and "Contract type" alone head the
  // external keys, which hold the other object's id when picked as such
  // (core/tabularbulkexport.class.inc.php at 0e90fdb), so the named columns are read instead.
  {
    tool: 'itop', table: 'ProviderContract', label: 'iTop contracts export', kind: 'contracts',
    signature: ['Provider Name|Provider->Name', 'Start date', 'End date'],
    columns: {
      'id': null, 'Name': 'title', 'Customer': null, 'Customer Name': null, 'Customer->Name': null, 'Description': 'notes',
      'Start date': 'start', 'End date': 'initialEnd', 'Cost': null, 'Cost Currency': null, 'Contract type': null,
      'Contract type Name': 'kind', 'Contract type->Name': 'kind', 'Billing frequency': null, 'Cost unit': null, 'Provider': null,
      'Provider Name': 'vendorId', 'Provider->Name': 'vendorId', 'Status': null, 'Contract sub-class': null, 'SLA': null, 'Service hours': null,
    },
  },
  {
    tool: 'itop', table: 'SoftwareLicence', label: 'iTop software licences export', kind: 'licences',
    signature: ['Name', 'Usage limit', 'Perpetual'],
    columns: {
      'id': null, 'Name': 'product', 'Organization': null, 'Organization name': null, 'Organization->Name': null, 'Usage limit': 'seats',
      'Description': 'notes', 'Start date': null, 'End date': 'renewalDate', 'Key': null, 'Perpetual': 'type', 'License sub-class': null,
      'Software': null, 'Software name': null, 'Software->Name': null,
    },
    // Licence.perpetual is yes or no.
    values: { type: { yes: 'perpetual', no: 'subscription' } },
  },
  {
    tool: 'itop', table: 'Document', label: 'iTop documents export', kind: 'documents',
    signature: ['Name', 'Version', 'Status', 'Document type name|Document type->Name|Document type'],
    columns: {
      'id': null, 'Name': 'title', 'Organization': null, 'Organization name': null, 'Organization->Name': null, 'Document type': 'kind',
      'Document type name': 'kind', 'Document type->Name': 'kind', 'Version': 'version', 'Description': 'notes', 'Status': 'status',
      'Document sub-class': null, 'URL': 'location', 'File': null,
    },
  },
];

export const KNOWN_FORMATS: KnownFormatDef[] = [...SNIPE_IT, ...GLPI, ...ITOP];

/** The known format whose signature the headers hold (the most specific one when several do). */
export function recognise(kind: SheetKind, headers: readonly string[]): KnownFormatDef | null {
  const have = new Set(headers.map(norm));
  let best: KnownFormatDef | null = null;
  for (const f of KNOWN_FORMATS) {
    if (f.kind !== kind) continue;
    if (!f.signature.every((h) => h.split('|').some((alt) => have.has(norm(alt))))) continue;
    if (!best || f.signature.length > best.signature.length) best = f;
  }
  return best;
}

/** The format's mapping for the headers the file has (matched normalised, as written in the file). */
export function knownMapping(format: KnownFormatDef, headers: readonly string[]): { columns: Record<string, string | null>; values?: Record<string, Record<string, string>> } {
  const byNorm = new Map(Object.entries(format.columns).map(([h, f]) => [norm(h), f]));
  const taken = new Set<string>();
  // One column per field: the first header of the file that names it ("Document type name" and "Document type->Name" are the same).
  const columns = Object.fromEntries(headers.map((h) => {
    const f = byNorm.get(norm(h)) ?? null;
    if (f === null || taken.has(f)) return [h, null];
    taken.add(f);
    return [h, f];
  }));
  return format.values ? { columns, values: format.values } : { columns };
}
