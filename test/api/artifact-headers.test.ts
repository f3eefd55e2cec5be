import { describe, expect, it } from 'vitest';
import { artifactHeaders } from '../../src/api/routes/artifact-headers.js';
import { normalizeContentType } from '../../src/artifacts/index.js';

const SANDBOX = "sandbox; default-src 'none'";

describe('headers of a stored file', () => {
  it('sandbox every type that can run script, whatever its case or parameters', () => {
    const scriptable = [
      'image/svg+xml',
      'image/SVG+XML',
      'image/svg+xml; charset=utf-8',
      'text/html',
      'text/html;charset=utf-8',
      'TEXT/HTML',
      'application/xhtml+xml',
      'text/xml',
      'application/xml',
      'application/rss+xml',
      'application/atom+xml',
      'text/xsl',
      'application/pdf',
      'application/javascript',
      'text/javascript',
      'application/octet-stream',
      'application/json',
      'text/plain',
      'image/x-unknown',
      'multipart/x-mixed-replace',
    ];
    for (const type of scriptable) {
      expect(artifactHeaders(type), type).toMatchObject({ 'Content-Type': type, 'Content-Security-Policy': SANDBOX, 'X-Content-Type-Options': 'nosniff' });
    }
  });

  it('let raster images, audio and video load in their viewer, still sandboxed and never sniffed', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif', 'audio/mpeg', 'audio/wav', 'video/mp4', 'video/webm']) {
      const headers = artifactHeaders(type);
      expect(headers['Content-Security-Policy'], type).toBe('sandbox');
      expect(headers).toMatchObject({ 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=3600' });
    }
  });

  it('send a type that is not a media type as sandboxed bytes rather than as a header', () => {
    for (const type of ['text/html\r\nSet-Cookie: a=b', 'image/png\nX: y', '', 'html', 'text/html; a']) {
      expect(artifactHeaders(type), JSON.stringify(type)).toMatchObject({ 'Content-Type': 'application/octet-stream', 'Content-Security-Policy': SANDBOX });
    }
  });

  it('are made from stored types that are media types only', () => {
    expect(normalizeContentType('Image/PNG; charset=x')).toBe('image/png');
    expect(normalizeContentType('text/html\r\nSet-Cookie: a=b')).toBe('');
    expect(normalizeContentType('image/svg+xml<script>')).toBe('');
  });
});
