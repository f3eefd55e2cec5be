import { describe, expect, it } from 'vitest';
import { renderArtifactRefs } from '../../src/backend/index.js';
import { artifactLinks, resourceArtifactUrls } from '../../src/mcp/artifact-links.js';

const ID = 'art_0123456789abcdef01234567';
const OTHER = 'art_76543210fedcba9876543210';

describe('stored files over stdio', () => {
  it('are resources: references stay, the relative URLs older records hold become references, web URLs stay', async () => {
    const remote = `https://pw.example/api/v1/artifacts/${OTHER}?exp=1&sig=abc`;
    const view = { finalOutput: { image: `pipewright://artifacts/${ID}`, old: `/api/v1/artifacts/${ID}`, remote, provider: 'https://fal.media/x.png' } };
    expect(await renderArtifactRefs(view, resourceArtifactUrls)).toEqual({
      finalOutput: { image: `pipewright://artifacts/${ID}`, old: `pipewright://artifacts/${ID}`, remote, provider: 'https://fal.media/x.png' },
    });
  });
});

describe('artifactLinks', () => {
  it('links every stored file once, whether named by reference, signed URL or file URL', () => {
    const links = artifactLinks({
      a: `pipewright://artifacts/${ID}`,
      b: [`https://pw.example/api/v1/artifacts/${ID}?exp=1&sig=abc`, `file:///home/me/.pipewright/artifacts/${OTHER}.png`],
      c: 'https://fal.media/files/x.png',
    });
    expect(links).toEqual([
      { type: 'resource_link', uri: `pipewright://artifacts/${ID}`, name: ID },
      { type: 'resource_link', uri: `pipewright://artifacts/${OTHER}`, name: OTHER, mimeType: 'image/png' },
    ]);
  });
});
