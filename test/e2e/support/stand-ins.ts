import { startFalFake, type FalFake } from '../../providers/fakes/fal-fake.js';
import { startFalStorageFake, type FalStorageFake } from '../../providers/fakes/fal-storage-fake.js';
import { startOpenAiFake, type OpenAiFake } from '../../providers/fakes/openai-fake.js';

export interface StandIns {
  openai: OpenAiFake;
  fal: FalFake;
  /** fal storage, where local files given to fal models are uploaded. */
  falStorage: FalStorageFake;
  /** The provider variables a user would set, pointed at the stand-ins. */
  env: Record<string, string>;
  close(): Promise<void>;
}

const OPENAI_KEY = 'sk-e2e-openai-0123456789abcdef';
const FAL_KEY = 'e2e-fal-key:0123456789abcdef';

/** OpenAI and fal on 127.0.0.1, as strict as the real ones, answering at once. */
export async function startStandIns(): Promise<StandIns> {
  const [openai, fal, falStorage] = await Promise.all([startOpenAiFake(OPENAI_KEY), startFalFake(FAL_KEY), startFalStorageFake(FAL_KEY)]);
  fal.knobs.queuedPolls = 0;
  fal.knobs.runningPolls = 0;
  return {
    openai,
    fal,
    falStorage,
    env: {
      OPENAI_API_KEY: OPENAI_KEY,
      OPENAI_BASE_URL: openai.baseUrl,
      FAL_KEY,
      FAL_QUEUE_URL: fal.url,
      FAL_REST_URL: falStorage.url,
    },
    close: async () => {
      await Promise.all([openai.close(), fal.close(), falStorage.close()]);
    },
  };
}
