export { renderArtifactUrls } from './render-answers.js';
export { restArtifactUrls } from './rest-artifact-urls.js';
export type { RestArtifactUrlsOptions } from './rest-artifact-urls.js';
