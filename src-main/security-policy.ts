import { pathToFileURL } from 'node:url';

/**
 * The pure rules behind the Electron guards in security.ts (no electron import, so unit tests call them).
 * The app trusts exactly one page: its own index.html, or in an unpackaged development run the
 * electron-vite dev server on this machine.
 */
export interface AppPage {
  /** file:// URL of the built renderer's index.html. */
  indexUrl: string;
  /** Origin of the development server; never set in a packaged app. */
  devServerOrigin?: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** ELECTRON_RENDERER_URL is honoured only outside a packaged app, and only for an http server on this machine. */
export function appPage(indexHtmlPath: string, rendererUrl: string | undefined, isPackaged: boolean): AppPage {
  const page: AppPage = { indexUrl: pathToFileURL(indexHtmlPath).href };
  if (isPackaged || !rendererUrl) return page;
  const url = parse(rendererUrl);
  if (url && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)) page.devServerOrigin = url.origin;
  return page;
}

/** The app's own page (any #route or ?query on it); never another file, folder or site. */
export function isAppPageUrl(candidate: string, page: AppPage): boolean {
  const url = parse(candidate);
  if (!url) return false;
  if (url.protocol === 'file:') {
    const index = new URL(page.indexUrl);
    return url.host === index.host && samePath(url.pathname, index.pathname);
  }
  return page.devServerOrigin !== undefined && url.origin === page.devServerOrigin;
}

/** The CSP sent with every response; the dev server (and its hot-reload socket) only when it is trusted. */
export function contentSecurityPolicy(page: AppPage): string {
  const dev = page.devServerOrigin ? ` ${page.devServerOrigin} ${page.devServerOrigin.replace(/^http/, 'ws')}` : '';
  return `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'${dev}`;
}

/** Paths compared decoded (Chromium and Node escape differently); Windows drive paths without regard to case. */
function samePath(a: string, b: string): boolean {
  const [x, y] = [safeDecode(a), safeDecode(b)];
  if (x === null || y === null) return false;
  return /^\/[A-Za-z]:\//.test(y) ? x.toLowerCase() === y.toLowerCase() : x === y;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
