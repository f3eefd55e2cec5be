const SAMPLE_RATE = 8_000;

/** One second of 8 kHz, 8-bit mono silence: the smallest WAV every player accepts (RIFF/WAVE, PCM). */
export function silentWav(): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + SAMPLE_RATE, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE, 28); // bytes per second
  header.writeUInt16LE(1, 32); // block align
  header.writeUInt16LE(8, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(SAMPLE_RATE, 40);
  // 8-bit PCM is unsigned: 128 is the zero line.
  return Buffer.concat([header, Buffer.alloc(SAMPLE_RATE, 128)]);
}
