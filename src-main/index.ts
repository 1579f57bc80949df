import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, powerMonitor, safeStorage } from 'electron';
import { createAppHost, type AppHost } from './app-host';
import { applySecurity } from './security';
import { appPage } from './security-policy';
import { databasePathFromArgs, ensureDataFolder } from './store/data-source-path';
import { RememberedKeys } from './store/remembered-keys';
import { registerIpcTransport } from './transports/ipc';

let host: AppHost | null = null;
const here = path.dirname(fileURLToPath(import.meta.url));
const indexHtml = path.join(here, '../renderer/index.html');
/** ELECTRON_RENDERER_URL (electron-vite's dev server) is ignored in a packaged app. */
const page = appPage(indexHtml, process.env.ELECTRON_RENDERER_URL, app.isPackaged);

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Canopy',
    show: false,
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (page.devServerOrigin) void window.loadURL(process.env.ELECTRON_RENDERER_URL!);
  else void window.loadFile(indexHtml);
  return window;
}

/**
 * The Electron build of better-sqlite3 made by `npm start`'s prestart step, kept per Electron version
 * and per build of the module (packaged apps are rebuilt by electron-builder).
 */
function electronSqliteBinding(): string | undefined {
  const sqlite = createRequire(import.meta.url)('better-sqlite3/package.json') as { name: string; version: string };
  const file = path.join(app.getAppPath(), '.native', `electron-${process.versions.electron}-${sqlite.name}-${sqlite.version}`, 'better_sqlite3.node');
  return !app.isPackaged && fs.existsSync(file) ? file : undefined;
}

/**
 * "Remember on this computer": keys sealed by the OS keychain through safeStorage. Linux without a
 * keyring falls back to a fixed key ('basic_text'), which protects nothing, so nothing is remembered there.
 */
async function rememberedKeys(): Promise<RememberedKeys> {
  const protectedStorage =
    (await safeStorage.isAsyncEncryptionAvailable()) && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  return new RememberedKeys(path.join(app.getPath('userData'), 'remembered-keys.json'), {
    available: () => protectedStorage,
    seal: (text) => safeStorage.encryptStringAsync(text),
    open: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
  });
}

async function start() {
  await app.whenReady();
  applySecurity(page);
  Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'fileMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }]));
  const dbPath = databasePathFromArgs(process.argv, process.env);
  ensureDataFolder(dbPath);
  host = await createAppHost(dbPath, {
    app: 'Canopy desktop',
    create: true,
    newFiles: 'ask',
    rememberedKeys: await rememberedKeys(),
    nativeBinding: electronSqliteBinding(),
    validateOutput: !app.isPackaged,
  });
  registerIpcTransport(host, () => BrowserWindow.getAllWindows());
  // An encrypted file locks with the screen and before the computer sleeps.
  const lockNow = () => void host?.lock();
  powerMonitor.on('lock-screen', lockNow);
  powerMonitor.on('suspend', lockNow);
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
}

/** A second Canopy window is the first one brought forward (each database file is also locked per process). */
function focusExistingWindow() {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

app.on('window-all-closed', async () => {
  await host?.close();
  if (process.platform !== 'darwin') app.quit();
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusExistingWindow);
  start().catch((error) => {
    console.error('Canopy could not start:', error);
    dialog.showErrorBox('Canopy could not start', (error as Error).message); // e.g. the file is open elsewhere, read-only, or not Canopy's
    app.exit(1);
  });
}
