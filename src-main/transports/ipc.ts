import { ipcMain, type BrowserWindow, type WebContents } from 'electron';
import type { AppHost } from '../app-host';
import { isTrustedFrameUrl } from '../security';

/** ipcMain side of the same contract the browser host serves over HTTP. */
export function registerIpcTransport(app: AppHost, windows: () => BrowserWindow[]): void {
  ipcMain.handle('canopy:call', async (event, method: unknown, input: unknown) => {
    if (!isTrustedFrameUrl(event.senderFrame?.url ?? '')) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are only accepted from the Canopy window.' } };
    }
    return app.call(String(method), input);
  });
  app.subscribe((event) => {
    for (const window of windows()) send(window.webContents, event);
  });
}

function send(contents: WebContents, event: unknown) {
  if (!contents.isDestroyed()) contents.send('canopy:event', event);
}
