import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restArtifactUrls } from '../../../src/api/rest-server.js';
import { createArtifactLinkService } from '../../../src/service/artifacts/index.js';
import { renderArtifactRefs } from '../../../src/service/index.js';
import { LocalArtifactStore } from '../../../src/store/artifacts/index.js';
import { openStore } from '../../../src/store/index.js';
import { ManualClock } from '../../store/clock.js';
import { useTempHome } from '../../service/temp-home.js';

const ID = 'art_0123456789abcdef01234567';
const BASE = 'https://pw.example/behind/proxy/';

const renderer = useTempHome('renderer', 'pw-rest-urls-', async (home, onCleanup) => {
  const clock = new ManualClock();
  const store = await openStore({ home, now: clock.now });
  onCleanup(() => store.close());
  const links = createArtifactLinkService({ store, artifacts: new LocalArtifactStore({ dir: join(home, 'artifacts') }), now: clock.now, ttlSeconds: 3600 });
  return restArtifactUrls({ publicBaseUrl: BASE, links });
});

const SIGNED = /^https:\/\/pw\.example\/behind\/proxy\/api\/v1\/artifacts\/art_0123456789abcdef01234567\?exp=[0-9]+&sig=[A-Za-z0-9_-]{43}$/;

describe('restArtifactUrls', () => {
  it('signs stored references and the relative URLs older records hold, under the public base', async () => {
    const answer = {
      finalOutput: { image: `pipewright://artifacts/${ID}`, old: `/api/v1/artifacts/${ID}` },
      nodeStates: [{ outputUrls: [`pipewright://artifacts/${ID}`] }],
    };
    const rendered = await renderArtifactRefs(answer, renderer());
    expect(rendered.finalOutput.image).toMatch(SIGNED);
    expect(rendered.finalOutput.old).toBe(rendered.finalOutput.image);
    expect(rendered.nodeStates[0]!.outputUrls).toEqual([rendered.finalOutput.image]);
  });

  it('renews its own URLs, signed or expired, and leaves everything else alone', async () => {
    const own = `${BASE.replace(/\/$/, '')}/api/v1/artifacts/${ID}?exp=1&sig=old`;
    const untouched = [
      `https://other.example/api/v1/artifacts/${ID}`,
      `https://fal.media/files/${ID}.png`,
      `see pipewright://artifacts/${ID}`,
      `pipewright://artifacts/${ID}/more`,
      42,
      null,
    ];
    const rendered = await renderArtifactRefs({ own, untouched }, renderer());
    expect(rendered.own).toMatch(SIGNED);
    expect(rendered.untouched).toEqual(untouched);
  });
});
