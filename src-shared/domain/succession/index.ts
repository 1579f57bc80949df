// Succession planning arithmetic and the chart's layout: pure, shared by the main process and the UI.
export * from './bench';
export * from './card';
export * from './chain';
export * from './layout';
export * from './pages';
export * from './tree';
