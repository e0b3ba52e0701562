import { contextBridge, ipcRenderer } from 'electron';
// From its own file: the shared package's whole index would make the preload a megabyte.
import { DEVICE_CREDENTIAL_BRIDGE, DEVICE_CREDENTIAL_CHANNEL, type DeviceCredentialBridge } from '@hall/shared/device-credential';
import { BRIDGE_NAME, IpcChannel, type HallDisplayBridge } from '../bridge';

// Runs in a sandboxed renderer, where Electron cannot load ES modules: the build must emit this
// file as CommonJS (build/main/preload.cjs), bundled with bridge.ts.

const bridge: HallDisplayBridge = {
  deviceConfig: () => ipcRenderer.invoke(IpcChannel.deviceConfig),
};

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);

// A page newly paired hands its credential to the shell, which keeps it in the device config.
const credential: DeviceCredentialBridge = {
  keep: (token) => ipcRenderer.invoke(DEVICE_CREDENTIAL_CHANNEL, token),
};
contextBridge.exposeInMainWorld(DEVICE_CREDENTIAL_BRIDGE, credential);
