// Starts the backend host (backend-host.ts) in an Electron utility process and hands it one end of
// a MessageChannelMain; main keeps the other end. The protocol on it is in host-protocol.ts.
import { MessageChannelMain, utilityProcess, type UtilityProcess } from 'electron';
import { mainPortLike, type PortLike } from './host-protocol';

export function spawnHost(entry: string): { child: UtilityProcess; port: PortLike } {
  const { port1, port2 } = new MessageChannelMain();
  // The host's stdout and stderr go where the app's go, so its log lines are not lost.
  const child = utilityProcess.fork(entry, [], { serviceName: 'Handover Workbook backend', stdio: 'inherit' });
  child.postMessage({ type: 'port' }, [port1]);
  return { child, port: mainPortLike(port2) };
}
