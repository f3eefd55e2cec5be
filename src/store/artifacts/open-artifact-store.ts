import type { ArtifactStore } from '../../artifacts/index.js';
import { artifactStoreSettingsFromEnv } from './artifact-store-settings.js';
import { LocalArtifactStore } from './local-artifact-store.js';

export interface OpenArtifactStoreOptions {
  /** `PIPEWRIGHT_HOME`: the default folder is `<home>/artifacts`. */
  home: string;
  /** `PIPEWRIGHT_ARTIFACTS_URL` or `PIPEWRIGHT_ARTIFACTS_DIR`, and for a bucket the AWS variables. */
  env: NodeJS.ProcessEnv;
  /** Origins whose `…/artifacts/<id>` URLs name the store's own artifacts (`artifactOrigins`). */
  origins?: string[];
}

export interface OpenedArtifactStore {
  artifacts: ArtifactStore;
  /** Lets go of what the store holds open (a bucket's connections); a folder holds nothing. */
  close(): void;
}

/**
 * The artifact store the environment chose (docs/deployment.md): a folder, or an S3-compatible
 * bucket whose answer is checked here, so a wrong bucket fails the start rather than the first run.
 * The AWS SDK is loaded only for a bucket: a start on a folder pays nothing for it.
 */
export async function openArtifactStore({ home, env, origins = [] }: OpenArtifactStoreOptions): Promise<OpenedArtifactStore> {
  const settings = artifactStoreSettingsFromEnv(env, home);
  if (settings.kind === 'folder') return { artifacts: new LocalArtifactStore({ dir: settings.dir, origins }), close: () => {} };
  const { openS3ArtifactStore } = await import('./s3-artifact-store.js');
  const store = await openS3ArtifactStore(settings.location, env, origins);
  return { artifacts: store, close: () => store.close() };
}
