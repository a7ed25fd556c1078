// The step between choosing a pack and reading it, for verify and import: a plain pack goes straight
// on; an encrypted one shows the UnlockForm until keys that open it are given (or the user cancels).
// `open` resolves with the way to send those keys with each later call, or null when cancelled.
import { useEffect, useRef, useState } from 'react';
import type { PackEncryption } from '../../shared/packs';
import type { PickedPack } from './PackPicker';
import { UnlockForm } from './UnlockForm';
import { keysProblem, packEncryption, wireKeys, type UnlockKeys } from './unlock';

export interface OpenedPack {
  encrypted: boolean;
  /** The `keys` part of a verify, preview or import input (an identity file is uploaded afresh). */
  keysInput(): Promise<{ keys?: Awaited<ReturnType<typeof wireKeys>> }>;
}

const PLAIN: OpenedPack = { encrypted: false, keysInput: async () => ({}) };

interface Asking {
  pack: PickedPack;
  opensWith: PackEncryption['opensWith'];
  problem: string | null;
  trying: boolean;
}

export function usePackUnlock() {
  const [asking, setAsking] = useState<Asking | null>(null);
  const resolveRef = useRef<((opened: OpenedPack | null) => void) | null>(null);
  const finish = (opened: OpenedPack | null) => {
    resolveRef.current?.(opened);
    resolveRef.current = null;
    setAsking(null);
  };
  // A panel that goes away while asking: the wait ends as a cancel.
  useEffect(() => () => resolveRef.current?.(null), []);

  /** Resolves once the pack can be read: at once for a plain pack, after the form for an encrypted one; null when cancelled. */
  const open = async (pack: PickedPack): Promise<OpenedPack | null> => {
    resolveRef.current?.(null);
    const r = await packEncryption(pack.source);
    if (!r.encrypted) return PLAIN;
    return new Promise((resolve) => {
      resolveRef.current = resolve;
      setAsking({ pack, opensWith: r.opensWith, problem: r.problem, trying: false });
    });
  };

  const tryKeys = async (keys: UnlockKeys) => {
    if (!asking) return;
    setAsking({ ...asking, trying: true, problem: null });
    let problem: string | null;
    try {
      problem = await keysProblem(asking.pack.source, keys);
    } catch (e) {
      problem = (e as Error).message;
    }
    if (problem) setAsking({ ...asking, trying: false, problem });
    else finish({ encrypted: true, keysInput: async () => ({ keys: await wireKeys(keys) }) });
  };

  const form = asking ? (
    <UnlockForm
      name={asking.pack.name}
      opensWith={asking.opensWith}
      problem={asking.problem}
      busy={asking.trying}
      onUnlock={(keys) => void tryKeys(keys)}
      onCancel={() => finish(null)}
    />
  ) : null;
  return { open, form, asking: asking !== null };
}
