import { contextBridge, ipcRenderer } from 'electron';

/** The renderer's only door to the main process: call a method, listen to events. */
contextBridge.exposeInMainWorld('canopy', {
  call: (method: string, input: unknown) => ipcRenderer.invoke('canopy:call', method, input),
  on: (listener: (event: unknown) => void) => {
    const wrapped = (_: unknown, event: unknown) => listener(event);
    ipcRenderer.on('canopy:event', wrapped);
    return () => ipcRenderer.removeListener('canopy:event', wrapped);
  },
});
