export { registerViewer } from './register-viewer.js';
export type { ViewerSettings } from './register-viewer.js';
