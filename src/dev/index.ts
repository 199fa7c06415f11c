/** Dev mode: `startDev` (build, serve, watch, live reload) and the dev server it runs. */
export { startDev, type DevOptions, type DevSession } from './dev-session.js';
export { startDevServer, type DevServer, type DevServerOptions } from './dev-server.js';
export { CLIENT_PATH, EVENTS_PATH, type DevState, type OverlayItem } from './client-script.js';
export type { RebuildReport } from './rebuild-report.js';
