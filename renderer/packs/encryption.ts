// What the export's "Encrypt this pack" choice becomes: the `encryption` of pack.export, or the
// problems that stop it, each named by its field and (for recipients) by its line. Pure, so the
// rules are tested without a browser. The passphrase lives only in the panel's state for the one
// export (never in the workbook, local storage or a draft) and is cleared as soon as it is sent.
import type { PackExportInput } from '../../shared/packs';

export type EncryptMode = 'passphrase' | 'recipients';

export interface EncryptChoice {
  on: boolean;
  mode: EncryptMode;
  passphrase: string;
  /** The passphrase typed again. */
  repeat: string;
  /** age public keys, one per line. */
  recipients: string;
}

export const NO_ENCRYPTION: EncryptChoice = { on: false, mode: 'passphrase', passphrase: '', repeat: '', recipients: '' };

export type EncryptField = 'passphrase' | 'repeat' | 'recipients';

export interface EncryptProblem {
  field: EncryptField;
  message: string;
}

/** An X25519 recipient as age-keygen prints it: age1 and 58 Bech32 characters (the backend checks its checksum too). */
const RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
/** The contract's limits. */
const MAX_PASSPHRASE = 1024;
const MAX_RECIPIENTS = 100;

/** The recipient lines that hold something, each with its line number (1-based) for messages. */
export function recipientLines(text: string): { line: number; key: string }[] {
  return text.split(/\r?\n/).map((raw, i) => ({ line: i + 1, key: raw.trim() })).filter((l) => l.key !== '' && !l.key.startsWith('#'));
}

function recipientProblem(key: string): string | null {
  if (RECIPIENT.test(key)) return null;
  if (key.startsWith('AGE-SECRET-KEY-')) return 'is a secret key (an identity); give the public key (age1…) it prints, and keep the secret key to yourself';
  if (/^age1/i.test(key) && key !== key.toLowerCase()) return 'must be in lowercase, as age-keygen prints it';
  if (/^age1/i.test(key)) return `is not a whole age public key (age1 and 58 letters and digits; this has ${key.length - 4})`;
  return 'is not an age public key (they start with age1)';
}

export type EncryptionOutcome = { ok: true; encryption: PackExportInput['encryption'] } | { ok: false; problems: EncryptProblem[] };

/** The `encryption` input for this choice (undefined when not encrypting), or why it cannot be sent. */
export function encryptionInput(choice: EncryptChoice): EncryptionOutcome {
  if (!choice.on) return { ok: true, encryption: undefined };
  if (choice.mode === 'passphrase') {
    const problems: EncryptProblem[] = [];
    if (choice.passphrase === '') problems.push({ field: 'passphrase', message: 'Passphrase: type the passphrase that will open the pack.' });
    else if (choice.passphrase.length > MAX_PASSPHRASE) problems.push({ field: 'passphrase', message: `Passphrase: at most ${MAX_PASSPHRASE} characters.` });
    else if (choice.repeat !== choice.passphrase) problems.push({ field: 'repeat', message: 'Passphrase again: does not match the passphrase.' });
    return problems.length ? { ok: false, problems } : { ok: true, encryption: { passphrase: choice.passphrase } };
  }
  const lines = recipientLines(choice.recipients);
  if (lines.length === 0) return { ok: false, problems: [{ field: 'recipients', message: 'Recipients: give at least one age public key (age1…), one per line.' }] };
  if (lines.length > MAX_RECIPIENTS) return { ok: false, problems: [{ field: 'recipients', message: `Recipients: at most ${MAX_RECIPIENTS} keys.` }] };
  const problems = lines.flatMap(({ line, key }) => {
    const why = recipientProblem(key);
    return why ? [{ field: 'recipients' as const, message: `Recipients, line ${line}: “${shorten(key)}” ${why}.` }] : [];
  });
  return problems.length ? { ok: false, problems } : { ok: true, encryption: { recipients: lines.map((l) => l.key) } };
}

/**
 * The backend's word on a recipient (`encryption.recipients.N`: say a checksum that does not
 * match) told by the line it came from; other messages as they are.
 */
export function recipientIssueText(field: string, message: string, text: string): string | null {
  const m = /^encryption\.recipients\.(\d+)$/.exec(field);
  if (!m) return null;
  const at = recipientLines(text)[Number(m[1])];
  return at ? `Recipients, line ${at.line}: ${message.replace(/^“[^”]*” /, `“${shorten(at.key)}” `)}.` : `Recipients: ${message}.`;
}

function shorten(key: string): string {
  return key.length > 24 ? `${key.slice(0, 12)}…${key.slice(-6)}` : key;
}

export type Strength = 'weak' | 'fair' | 'strong';

/**
 * A rough strength of a passphrase, as a hint (nothing is refused for it): its length and mix of
 * character kinds, with the common patterns of a weak one named. Several words or 16+ characters
 * of mixed kinds is strong; scrypt slows each guess, but cannot save a short, common one.
 */
export function passphraseStrength(p: string): { strength: Strength; hint: string } {
  if (p === '') return { strength: 'weak', hint: 'Use several unrelated words, or 16 characters or more.' };
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9\s]/].filter((r) => r.test(p)).length;
  const words = p.trim().split(/[\s\-_.]+/).filter((w) => w.length >= 3).length;
  const repeated = /^(.+?)\1+$/.test(p) || new Set(p).size <= 3;
  if (repeated) return { strength: 'weak', hint: 'Weak: it repeats itself. Use several unrelated words.' };
  if (p.length < 10) return { strength: 'weak', hint: `Weak: ${p.length} characters are quickly guessed. Use several unrelated words, or 16 characters or more.` };
  if (words >= 4 || (p.length >= 16 && kinds >= 2) || p.length >= 24) return { strength: 'strong', hint: 'Strong.' };
  return { strength: 'fair', hint: 'Fair: longer is better (four or more unrelated words, or 16 characters or more).' };
}
