import { app, session, type WebContents } from 'electron';
import { contentSecurityPolicy, isAppPageUrl, type AppPage } from './security-policy';

let trustedPage: AppPage | null = null;

/** Only the app's own page may call the API (checked on every IPC call, see transports/ipc.ts). */
export function isTrustedFrameUrl(url: string): boolean {
  return trustedPage !== null && isAppPageUrl(url, trustedPage);
}

/**
 * Every window shows the app's own page and nothing else: no navigation elsewhere, no new windows
 * (window.open, target=_blank, shift-, ctrl- and middle-click/auxclick all reach the window-open
 * handler), no permissions, no webviews. Canopy makes no links to the web, so nothing is handed
 * to shell.openExternal either.
 */
export function applySecurity(page: AppPage): void {
  trustedPage = page;
  const policy = contentSecurityPolicy(page);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}

function guardContents(contents: WebContents) {
  const stayOnAppPage = (event: { preventDefault(): void }, url: string) => {
    if (!isTrustedFrameUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnAppPage);
  contents.on('will-frame-navigate', (event) => stayOnAppPage(event, event.url));
  contents.on('will-redirect', stayOnAppPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
