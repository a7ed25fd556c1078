// Loads data for a screen and reloads it when its key or the app's data version changes.
// Loading is derived (the result's key differs from the wanted key) rather than set in the effect,
// so a stale answer is never shown as current and the effect never sets state synchronously.
// While a reload for a newer data version runs, the previous data of the same key stays on screen.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useVersion } from './store';

interface Loaded<T> {
  key: string;
  version: number;
  data?: T;
  error?: Error;
}

export interface LoadState<T> {
  data: T | undefined;
  error: Error | undefined;
  /** True until the data for the current key and version has arrived. */
  loading: boolean;
}

/**
 * `keepPrevious`: while the data of a new key loads, go on showing the last data loaded (a picker's
 * options while the user types), so what is on screen never blinks away under the pointer.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>, options: { keepPrevious?: boolean } = {}): LoadState<T> {
  const version = useVersion();
  const [loaded, setLoaded] = useState<Loaded<T>>({ key: '', version: -1 });
  const loader = useRef(load);
  useLayoutEffect(() => {
    loader.current = load;
  });

  useEffect(() => {
    if (key === null) return;
    let live = true;
    loader.current().then(
      (data) => {
        if (live) setLoaded({ key, version, data });
      },
      (error: unknown) => {
        if (live) setLoaded({ key, version, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, version]);

  const sameKey = key !== null && loaded.key === key;
  const current = sameKey && loaded.version === version;
  return {
    data: sameKey || options.keepPrevious ? loaded.data : undefined,
    error: current ? loaded.error : undefined,
    loading: key !== null && !current,
  };
}
