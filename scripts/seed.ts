// `npm run seed -- --employees 500 [--seed 42] [--db PATH] [--passphrase-file FILE | --unencrypted]`:
// loads the demo organisation into an empty database file (the default one unless --db / CANOPY_DB
// say otherwise). An encrypted file is unlocked, and a new one created encrypted, with the passphrase
// in FILE (its first line): never a passphrase on the command line, where the process list shows it.
// `--unencrypted` creates a new file without encryption (tests that are not about encryption).
import fs from 'node:fs';
import { createAppHost } from '../src-main/app-host';
import { databasePathFromArgs } from '../src-main/store/data-source-path';

const args = process.argv.slice(2);

function flag(name: string): string | undefined {
  const index = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (index < 0) return undefined;
  return args[index].includes('=') ? args[index].slice(name.length + 3) : args[index + 1];
}

function numberFlag(name: string, fallback: number): number {
  const raw = flag(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`--${name} needs a whole number, got "${raw}".`);
  return value;
}

/** The first line of the file, as typed (only the line break is dropped). */
function passphraseFrom(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  const [line] = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  if (!line) throw new Error(`${file} is empty: its first line must be the passphrase.`);
  return line;
}

async function main() {
  if (args.some((a) => a === '--passphrase' || a.startsWith('--passphrase='))) {
    throw new Error('Give the passphrase in a file (--passphrase-file FILE), never on the command line.');
  }
  const dbPath = databasePathFromArgs(args);
  const app = await createAppHost(dbPath, {
    passphrase: passphraseFrom(flag('passphrase-file')),
    newFiles: args.includes('--unencrypted') ? 'unencrypted' : 'ask',
  });
  const { state } = app.lockState();
  if (state !== 'unlocked') {
    await app.close();
    throw new Error(
      state === 'new'
        ? `${dbPath} does not exist yet. Create it encrypted with --passphrase-file FILE, or without encryption with --unencrypted.`
        : `${dbPath} is encrypted: give its passphrase with --passphrase-file FILE.`,
    );
  }
  const started = Date.now();
  const result = await app.call('admin.loadDemoOrganisation', { employees: numberFlag('employees', 500), seed: numberFlag('seed', 42) });
  await app.close();
  if (!result.ok) {
    console.error(`Not seeded: ${result.error.message}`);
    process.exit(1);
  }
  const c = result.data as Record<string, number>;
  console.log(`Seeded ${dbPath} in ${Date.now() - started} ms (peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB): ${c.employees} employees, ${c.departments} departments, ${c.jobs} jobs, ${c.positions} positions.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
