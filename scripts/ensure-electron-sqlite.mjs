// Builds better-sqlite3 for Electron's ABI into .native/ (kept apart from the Node build
// that tests and the browser host use), so `npm start` and `npm test` work in either order.
// One folder per Electron version and per build of the module (package.json maps the name
// better-sqlite3 to better-sqlite3-multiple-ciphers), so changing either builds it again.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const sqlite = require('better-sqlite3/package.json');
const target = path.resolve('.native', `electron-${electronVersion}-${sqlite.name}-${sqlite.version}`);
const binding = path.join(target, 'better_sqlite3.node');

if (fs.existsSync(binding)) process.exit(0);
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = path.join(target, 'build-src');
fs.rmSync(work, { recursive: true, force: true });
fs.cpSync(source, work, { recursive: true, filter: (file) => !file.includes(`${path.sep}build${path.sep}`) });
console.log(`Building ${sqlite.name} ${sqlite.version} for Electron ${electronVersion} (once)…`);
try {
  execFileSync('npx', ['--no-install', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'inherit' });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), binding);
  fs.rmSync(work, { recursive: true, force: true });
} catch {
  console.error('Could not build better-sqlite3 for Electron (it needs Electron headers from the internet the first time). `npm run browser` works without it.');
  process.exit(1);
}
