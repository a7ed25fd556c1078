// The preload of the sandboxed window: it only exposes the bridge (electron/desktop/bridge.ts).
// Built as one CommonJS file (see electron.vite.config.ts): a sandboxed preload cannot import.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('handover', createBridge(ipcRenderer, (file) => webUtils.getPathForFile(file as File)));
