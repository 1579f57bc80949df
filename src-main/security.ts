import { app, session, shell, type WebContents } from 'electron';

const DEV_SERVER = process.env.ELECTRON_RENDERER_URL;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'" +
  (DEV_SERVER ? ` ${DEV_SERVER} ws:` : '');

/** Only the app's own page (file:// in the package, the dev server in development) may call the API. */
export function isTrustedFrameUrl(url: string): boolean {
  if (url.startsWith('file://')) return true;
  return Boolean(DEV_SERVER && url.startsWith(DEV_SERVER));
}

export function applySecurity(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}

function guardContents(contents: WebContents) {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedFrameUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
