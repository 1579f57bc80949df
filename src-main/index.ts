import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu } from 'electron';
import { createAppHost, type AppHost } from './app-host';
import { applySecurity } from './security';
import { databasePathFromArgs } from './store/data-source-path';
import { registerIpcTransport } from './transports/ipc';

let host: AppHost | null = null;
const here = path.dirname(fileURLToPath(import.meta.url));

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
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(path.join(here, '../renderer/index.html'));
  return window;
}

/** The Electron build of better-sqlite3 made by `npm start`'s prestart step (packaged apps are rebuilt by electron-builder). */
function electronSqliteBinding(): string | undefined {
  const file = path.join(app.getAppPath(), '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return !app.isPackaged && fs.existsSync(file) ? file : undefined;
}

async function start() {
  await app.whenReady();
  applySecurity();
  Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'fileMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }]));
  const dbPath = databasePathFromArgs(process.argv, process.env);
  host = await createAppHost(dbPath, {
    nativeBinding: electronSqliteBinding(),
    validateOutput: !app.isPackaged,
  });
  registerIpcTransport(host, () => BrowserWindow.getAllWindows());
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
}

app.on('window-all-closed', async () => {
  await host?.close();
  if (process.platform !== 'darwin') app.quit();
});

start().catch((error) => {
  console.error('Canopy could not start:', error);
  app.exit(1);
});
