// The app's one data cache (TanStack Query) and its one subscription to the backend's change
// events. Data is fresh until an event says otherwise, so nothing refetches on focus, on remount or
// on a timer; a failed load is shown at once rather than retried behind the user's back.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { onChange, onReconnect, onWorkbookChanged } from '../api';
import { ChangeFeed } from './changeFeed';

export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

const FeedContext = createContext<ChangeFeed | null>(null);

/** The change feed of the DataProvider above (for watchers of keys that are not queries). */
export function useChangeFeed(): ChangeFeed {
  const feed = useContext(FeedContext);
  if (!feed) throw new Error('useChangeFeed needs a <DataProvider> above it');
  return feed;
}

export function DataProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createAppQueryClient);
  const [feed] = useState(() => new ChangeFeed(client));
  useEffect(() => onChange((event) => feed.receive(event)), [feed]);
  // Events sent while the stream was down are lost: nothing on screen can be trusted.
  useEffect(() => onReconnect(() => feed.everythingStale()), [feed]);
  useEffect(() => onWorkbookChanged(() => feed.workbookSwitched()), [feed]);
  return (
    <QueryClientProvider client={client}>
      <FeedContext.Provider value={feed}>{children}</FeedContext.Provider>
    </QueryClientProvider>
  );
}
