// Values that look like a secret itself rather than a reference to where one is kept. The access
// register records where a credential lives (a vault path, a password-manager entry), never the
// credential: a workbook travels in packs and reports, so a pasted key would leave with it.
// The patterns are the well-known shapes secret scanners look for; each names what it saw, so the
// message can say why the value was refused without repeating it.

interface SecretPattern {
  what: string;
  re: RegExp;
}

const PATTERNS: readonly SecretPattern[] = [
  { what: 'a private-key block', re: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/ },
  { what: 'an OpenSSH private key', re: /b3BlbnNzaC1rZXktdjE/ },
  { what: 'an AWS access key id', re: /\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/ },
  { what: 'a Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { what: 'a GitHub token', re: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/ },
  { what: 'a GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { what: 'a Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { what: 'a Stripe secret key', re: /\b[sr]k_(live|test)_[A-Za-z0-9]{20,}\b/ },
  { what: 'an Azure storage key', re: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/ },
  { what: 'an age secret key', re: /\bAGE-SECRET-KEY-1[0-9A-Z]{50,}\b/ },
  { what: 'a JSON web token', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { what: 'a password in a URL', re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i },
  // "password: Summer2026!" but not "password: kv/prod/db" (a path is a reference).
  { what: 'a password', re: /\b(password|passwd|pwd)\s*[:=]\s*[^\s/]{6,}(\s|$)/i },
];

// Cyrillic and Greek capitals and small letters drawn like Latin ones, as the Latin letter they pass for.
const LOOKALIKES: Record<string, string> = Object.fromEntries([
  ['АВЕКМНОРСТХІЈЅ', 'ABEKMHOPCTXIJS'], ['аеорсхіјѕу', 'aeopcxijsy'],
  ['ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ', 'ABEZHIKMNOPTYX'], ['οκνυ', 'okvu'],
].flatMap(([from, to]) => Array.from(from!, (c, i) => [c, to![i]!])));

/**
 * The value as a scanner should read it: full-width and other compatibility forms as plain letters
 * (NFKC), invisible format characters (zero-width spaces and joiners, soft hyphens, word joiners,
 * byte-order marks, direction marks) taken out, look-alike letters as Latin ones. A secret pasted
 * with any of these is still that secret; the value kept is the one typed, never this.
 */
function asScanned(value: string): string {
  return value.normalize('NFKC').replace(/\p{Cf}/gu, '').replace(/[\u0370-\u03ff\u0400-\u04ff]/g, (c) => LOOKALIKES[c] ?? c);
}

/** What secret a value looks like ("a private-key block"), or null when it looks like a reference. */
export function secretLookalike(value: string): string | null {
  const scanned = asScanned(value);
  for (const p of PATTERNS) if (p.re.test(scanned)) return p.what;
  return null;
}

/** The refusal a field gives when its value looks like a secret. */
export function secretRefusal(what: string): string {
  return `looks like ${what}, not a reference to one: record where the secret is kept (such as a vault path), never the secret itself`;
}
