// A contract's links to the documents and licences it covers (issue 11; table contract_links).
export const CONTRACT_LINK_KINDS = ['document', 'licence'] as const;
export type ContractLinkKind = (typeof CONTRACT_LINK_KINDS)[number];

export interface ContractLink {
  id: string;
  contractId: string;
  recordKind: ContractLinkKind;
  recordId: string;
  /** The linked record's title (a document's title, a licence's product). */
  title: string;
}
