import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The OS app-data folder Electron's `app.getPath('userData')` also uses for an app named Canopy. */
export function appDataFolder(env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Canopy');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Canopy');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Canopy');
}

export const defaultDatabasePath = (env: NodeJS.ProcessEnv = process.env) => path.join(appDataFolder(env), 'canopy.sqlite');

/** `--db PATH` on the command line, then CANOPY_DB, then the app-data folder. */
export function databasePathFromArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): string {
  const flag = argv.findIndex((arg) => arg === '--db' || arg.startsWith('--db='));
  if (flag >= 0) {
    const value = argv[flag].includes('=') ? argv[flag].slice(5) : argv[flag + 1];
    if (value) return path.resolve(value);
  }
  if (env.CANOPY_DB) return path.resolve(env.CANOPY_DB);
  return defaultDatabasePath(env);
}

/**
 * Canopy's own data folder is made at first start; any other folder must already exist (a missing
 * folder is more likely a typing mistake than a wish for a new one).
 */
export function ensureDataFolder(dbPath: string, env: NodeJS.ProcessEnv = process.env): void {
  if (path.resolve(dbPath) === defaultDatabasePath(env)) fs.mkdirSync(appDataFolder(env), { recursive: true });
}
