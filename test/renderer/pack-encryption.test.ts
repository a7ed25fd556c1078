// The export's "Encrypt this pack" rules (renderer/packs/encryption.ts): what is sent, what stops
// it and how each problem is named (the field, and a recipient's line), and the strength hint.
import { describe, expect, it } from 'vitest';
import { generateIdentity } from '../../electron/core/pack/age';
import { encryptionInput, NO_ENCRYPTION, passphraseStrength, recipientIssueText, type EncryptChoice } from '../../renderer/packs/encryption';
import { suggestedPackName } from '../../renderer/packs/transfer';

const choice = (c: Partial<EncryptChoice>): EncryptChoice => ({ ...NO_ENCRYPTION, on: true, ...c });
const alice = generateIdentity();
const bob = generateIdentity();

describe('encryptionInput', () => {
  it('sends nothing when the pack is not encrypted, whatever was typed', () => {
    expect(encryptionInput({ ...NO_ENCRYPTION, passphrase: 'left over', repeat: 'x' })).toEqual({ ok: true, encryption: undefined });
  });

  it('a passphrase typed twice the same is sent as it is (spaces and all)', () => {
    expect(encryptionInput(choice({ passphrase: ' two words ', repeat: ' two words ' }))).toEqual({ ok: true, encryption: { passphrase: ' two words ' } });
  });

  it('an empty passphrase, or one typed differently the second time, is refused by its field', () => {
    expect(encryptionInput(choice({}))).toEqual({ ok: false, problems: [{ field: 'passphrase', message: expect.stringMatching(/^Passphrase: /) }] });
    expect(encryptionInput(choice({ passphrase: 'open sesame', repeat: 'open sesam' })))
      .toEqual({ ok: false, problems: [{ field: 'repeat', message: 'Passphrase again: does not match the passphrase.' }] });
  });

  it('recipients: one per line, blank lines and # comments skipped; a bad line is named by its number', () => {
    const text = `# the new provider\n${alice.recipient}\n\n  ${bob.recipient}  \n`;
    expect(encryptionInput(choice({ mode: 'recipients', recipients: text }))).toEqual({ ok: true, encryption: { recipients: [alice.recipient, bob.recipient] } });
    const bad = `${alice.recipient}\nage1short\n${alice.identity.trim()}\n${bob.recipient.toUpperCase()}\nssh-ed25519 AAAA`;
    const r = encryptionInput(choice({ mode: 'recipients', recipients: bad }));
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^recipients: Recipients, line 2: “age1short” is not a whole age public key/),
      expect.stringMatching(/^recipients: Recipients, line 3: .* is a secret key/),
      expect.stringMatching(/^recipients: Recipients, line 4: .* must be in lowercase/),
      expect.stringMatching(/^recipients: Recipients, line 5: “ssh-ed25519 AAAA” is not an age public key/),
    ]);
    expect(encryptionInput(choice({ mode: 'recipients', recipients: '\n# none\n' }))).toMatchObject({ ok: false, problems: [{ field: 'recipients' }] });
  });

  it('the backend’s refusal of a recipient is told by the line it came from', () => {
    const text = `# comment\n${alice.recipient}\n\n${bob.recipient}`;
    expect(recipientIssueText('encryption.recipients.1', `“${bob.recipient}” is not an age public key (age1…)`, text))
      .toBe(`Recipients, line 4: “${bob.recipient.slice(0, 12)}…${bob.recipient.slice(-6)}” is not an age public key (age1…).`);
    expect(recipientIssueText('destination', 'must end in .zip.age', text)).toBeNull();
  });
});

describe('passphraseStrength', () => {
  it('calls short or repetitive passphrases weak, several words or long mixed ones strong', () => {
    expect(passphraseStrength('hunter2').strength).toBe('weak');
    expect(passphraseStrength('abababababababab').strength).toBe('weak');
    expect(passphraseStrength('Tr0ub4dor&3x').strength).toBe('fair');
    expect(passphraseStrength('correct horse battery staple').strength).toBe('strong');
    expect(passphraseStrength('k8#Lm2pQ9vX4wZ7t').strength).toBe('strong');
    expect(passphraseStrength('hunter2').hint).toMatch(/7 characters/);
  });
});

describe('suggestedPackName', () => {
  it('ends in .zip.age for an encrypted pack', () => {
    expect(suggestedPackName('Acme Managed Services', '2026-03-01')).toBe('handover-pack-Acme-Managed-Services-2026-03-01.zip');
    expect(suggestedPackName('Acme Managed Services', '2026-03-01', true)).toBe('handover-pack-Acme-Managed-Services-2026-03-01.zip.age');
  });
});
