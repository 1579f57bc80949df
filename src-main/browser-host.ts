import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppHost } from './app-host';
import { databasePathFromArgs, ensureDataFolder } from './store/data-source-path';
import { startHttpTransport } from './transports/http';

/**
 * `npm run browser`: the same services as the desktop app, served to a browser on loopback. An
 * encrypted file is unlocked in the page, and a new one gets its passphrase there: never on the
 * command line, where other users see it in the process list. `--unencrypted` creates a new file
 * without encryption (tests that are not about encryption).
 */
async function main() {
  const dbPath = databasePathFromArgs(process.argv.slice(2));
  const portArg = process.argv.find((arg) => arg.startsWith('--port='));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = process.env.CANOPY_RENDERER_DIR ?? path.resolve(here, '../out/renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`The renderer is not built (${rendererDir}). Run: npm run build:renderer`);
    process.exit(1);
  }
  ensureDataFolder(dbPath);
  const app = await createAppHost(dbPath, { app: 'browser host', create: true, newFiles: process.argv.includes('--unencrypted') ? 'unencrypted' : 'ask' });
  const host = await startHttpTransport(app, rendererDir, portArg ? Number(portArg.slice(7)) : 0);
  const { path: file, state, encrypted } = app.lockState();
  const status = state === 'new' ? ' (new: choose its passphrase in the page)' : state === 'locked' ? ' (encrypted: enter its passphrase in the page)' : encrypted ? ' (encrypted)' : '';
  console.log(`Canopy browser host (pid ${process.pid})\n  database: ${file}${status}\n  open: ${host.url}\n  Press Ctrl+C to stop.`);
  const stop = async () => {
    await host.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`Canopy could not start: ${(error as Error).message}`);
  process.exit(1);
});
