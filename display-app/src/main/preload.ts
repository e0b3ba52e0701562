import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, IpcChannel, type HallDisplayBridge } from '../bridge';

// Runs in a sandboxed renderer, where Electron cannot load ES modules: the build must emit this
// file as CommonJS (build/main/preload.cjs), bundled with bridge.ts.

const bridge: HallDisplayBridge = {
  deviceConfig: () => ipcRenderer.invoke(IpcChannel.deviceConfig),
};

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
