/** Import directions from ARCHITECTURE.md, checked in `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'renderer-not-to-main',
      comment: 'The renderer talks to the main process only through the API client.',
      severity: 'error',
      from: { path: '^src-renderer' },
      to: { path: '^src-main' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer never touches Node, files or SQL.',
      severity: 'error',
      from: { path: '^src-renderer' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-server-packages',
      severity: 'error',
      from: { path: '^src-renderer' },
      to: { path: 'node_modules/(better-sqlite3|typeorm|electron)/' },
    },
    {
      name: 'main-not-to-renderer',
      severity: 'error',
      from: { path: '^src-main' },
      to: { path: '^src-renderer' },
    },
    {
      name: 'shared-stays-pure',
      comment: 'src-shared has no Node, DOM, React or Electron imports.',
      severity: 'error',
      from: { path: '^src-shared' },
      to: { path: '^src-(main|renderer)|node_modules/(electron|better-sqlite3|typeorm|react|react-dom)/' },
    },
    {
      name: 'shared-no-node-core',
      severity: 'error',
      from: { path: '^src-shared' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'electron-only-in-shell',
      comment: 'Only the thin Electron shell imports electron; services run under plain Node too.',
      severity: 'error',
      from: { path: '^src-main', pathNot: '^src-main/(index|preload|security)\\.ts$|^src-main/transports/ipc\\.ts$' },
      to: { path: 'node_modules/electron/' },
    },
    {
      name: 'no-cycles',
      comment: 'Import cycles (type-only ones included) tangle areas and make load order matter; shared types live in their own files.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
