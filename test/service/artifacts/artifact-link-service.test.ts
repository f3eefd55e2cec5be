import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArtifactLinkService } from '../../../src/service/artifacts/index.js';
import { LocalArtifactStore } from '../../../src/store/artifacts/index.js';
import { openStore } from '../../../src/store/index.js';
import { ManualClock } from '../../store/clock.js';
import { failure } from '../harness.js';
import { useTempHome } from '../temp-home.js';

const WEEK = 7 * 24 * 3600;
const bytes = new TextEncoder().encode('a picture');

/** Two processes on one home: each its own store connection and link service, one clock. */
const fixture = useTempHome('fixture', 'pw-links-', async (home, onCleanup) => {
  const clock = new ManualClock();
  const files = new LocalArtifactStore({ dir: join(home, 'artifacts') });
  const process = async (ttlSeconds = WEEK) => {
    const store = await openStore({ home, now: clock.now });
    onCleanup(() => store.close());
    return { store, links: createArtifactLinkService({ store, artifacts: files, now: clock.now, ttlSeconds }) };
  };
  const [first, second] = [await process(), await process()];
  const { id } = await files.put({ bytes, contentType: 'image/png' });
  return { clock, first, second, id, process };
});

const query = ({ exp, sig }: { exp: number; sig: string }) => ({ exp: String(exp), sig });

describe('signed artifact URLs', () => {
  it('are signed by one process and opened by another on the same home, with one secret kept in the store', async () => {
    const { first, second, id } = fixture();
    const signature = await first.links.sign(id);
    expect(signature.sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const read = await second.links.readSigned(id, query(signature));
    expect(read.contentType).toBe('image/png');
    expect(new TextDecoder().decode(read.bytes)).toBe('a picture');
    expect(await second.links.sign(id)).toEqual(signature);
  });

  it('expire after the lifetime, rounded up to the hour (a tenth of it at most) so that polls within it get one URL', async () => {
    const { clock, first, id } = fixture();
    clock.advance(10 * 60_000);
    const start = clock.now().getTime() / 1000;
    const signature = await first.links.sign(id);
    expect(signature.exp - start).toBeGreaterThanOrEqual(WEEK);
    expect(signature.exp - start).toBeLessThan(WEEK + 3600);
    clock.advance(60_000);
    expect(await first.links.sign(id)).toEqual(signature);
    clock.advance((signature.exp - start) * 1000 - 60_000 - 1000);
    await expect(first.links.readSigned(id, query(signature))).resolves.toBeDefined();
    clock.advance(1000);
    expect(await failure(first.links.readSigned(id, query(signature)))).toMatchObject({ code: 'expired_signature' });
  });

  it("follow the operator's lifetime", async () => {
    const { clock, process, id } = fixture();
    const short = await process(50);
    const start = clock.now().getTime() / 1000;
    clock.advance(1000);
    const signature = await short.links.sign(id);
    expect(signature.exp).toBe(start + 55);
    expect(() => createArtifactLinkService({ store: short.store, artifacts: new LocalArtifactStore({ dir: '.' }), now: clock.now, ttlSeconds: 0 })).toThrow(
      /positive whole number/,
    );
  });

  it('refuse a signature this server did not make, for this id and this expiry, before looking for the file', async () => {
    const { first, id } = fixture();
    const signature = await first.links.sign(id);
    const flipped = `${signature.sig.slice(0, -1)}${signature.sig.endsWith('A') ? 'B' : 'A'}`;
    const other = 'art_000000000000000000000000';
    for (const [artifact, given] of [
      [id, { exp: String(signature.exp), sig: flipped }],
      [id, { exp: String(signature.exp + 1), sig: signature.sig }],
      [other, query(signature)],
      [id, { exp: String(signature.exp) }],
      [id, { sig: signature.sig }],
      [id, { exp: `${signature.exp}.0`, sig: signature.sig }],
      [id, { exp: String(signature.exp), sig: `${signature.sig}=` }],
    ] as const) {
      expect(await failure(first.links.readSigned(artifact, given)), JSON.stringify(given)).toMatchObject({ code: 'invalid_signature' });
    }
  });

  it('answer not_found for a signed file that is gone', async () => {
    const { first } = fixture();
    const other = 'art_000000000000000000000000';
    expect(await failure(first.links.readSigned(other, query(await first.links.sign(other))))).toMatchObject({ code: 'not_found' });
  });
});
