// GET /events: the backend's change events as Server-Sent Events, so every open tab refreshes
// what changed in the workbook (by any tab, or by this face's own calls) without reloading.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeEvent } from '../../shared/changes';

/** Subscribes to the backend's change events; returns an unsubscribe function. */
export type ChangeFeed = (listener: (event: ChangeEvent) => void) => () => void;

/** Often enough that proxies and idle timers never close a quiet stream. */
export const HEARTBEAT_MS = 15_000;

/** One event of the stream: its id is the event's seq, so the browser names the last one it saw. */
export function sseMessage(event: ChangeEvent): string {
  return `id: ${event.seq}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`;
}

/** Streams change events until the client goes away or the server closes its connections. */
export function eventStream(req: IncomingMessage, res: ServerResponse, feed: ChangeFeed, headers: Record<string, string>): void {
  res.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  // A comment first, so the client's open event fires at once; retry says how soon to reconnect.
  res.write(': connected\nretry: 2000\n\n');
  const unsubscribe = feed((event) => res.write(sseMessage(event)));
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}
