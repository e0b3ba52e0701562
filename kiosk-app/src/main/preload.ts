import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, IpcChannel, type HallKioskBridge } from '../bridge';

// Runs in a sandboxed renderer, where Electron cannot load ES modules: the build must emit this
// file as CommonJS (build/main/preload.cjs), bundled with bridge.ts.

const bridge: HallKioskBridge = {
  deviceConfig: () => ipcRenderer.invoke(IpcChannel.deviceConfig),
  print: (job) => ipcRenderer.invoke(IpcChannel.printTicket, job),
  checkPrinter: () => ipcRenderer.invoke(IpcChannel.checkPrinter),
};

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
