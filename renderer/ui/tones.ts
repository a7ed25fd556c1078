// The colour of a status badge, by value. Green: settled; amber: moving; red: a risk; grey: not yet.
export type Tone = 'green' | 'amber' | 'red' | 'blue' | 'grey' | 'violet';

const TONES: Record<string, Tone> = {
  // vendor status
  active: 'blue',
  exit_planned: 'amber',
  in_transition: 'violet',
  exited: 'grey',
  // criticality
  critical: 'red',
  high: 'amber',
  medium: 'blue',
  low: 'grey',
  // knowledge transfer, transfer statuses
  not_started: 'grey',
  documented: 'blue',
  shadowing: 'amber',
  reverse_shadowing: 'violet',
  signed_off: 'green',
  requested: 'amber',
  transferred: 'blue',
  verified: 'green',
  consent_requested: 'amber',
  novated: 'green',
  re_procured: 'green',
  lapsed: 'red',
  // ownership, transferability
  us: 'green',
  vendor: 'amber',
  third_party: 'violet',
  yes: 'green',
  no: 'red',
  consent_required: 'amber',
  unknown: 'grey',
  // documents
  draft: 'amber',
  published: 'green',
  obsolete: 'grey',
  missing: 'red',
  // people
  in_house: 'blue',
  new_provider: 'violet',
};

export function toneOf(value: string): Tone {
  return TONES[value] ?? 'grey';
}
