import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { httpMapping } from '../../src/api/rest-server.js';
import { ERROR_CODES, type ErrorCode, errorSpec, isErrorCode, PipewrightError, publicError, withheldCode } from '../../src/errors/index.js';

// docs/api.md is what a client reads: its error tables must say what the server answers.
const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
const errors = doc.slice(doc.indexOf('\n## Errors'), doc.indexOf('\n## Routes'));

function rows(table: string): string[][] {
  return table
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('|---'))
    .slice(1)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

const codesIn = (cell: string) => [...cell.matchAll(/`([A-Za-z_]+)`/g)].map((m) => m[1]!);
const mappingOf = (code: ErrorCode) => httpMapping({ code, category: ERROR_CODES[code].category });

describe('docs/api.md, "Every error code"', () => {
  const listed = rows(errors.slice(errors.indexOf('### Every error code')));

  it('lists every code of the table once, and nothing else', () => {
    const codes = listed.map(([code]) => codesIn(code!)[0]);
    expect(codes).toEqual(Object.keys(ERROR_CODES));
  });

  it('gives each the status the server answers, the stand-in it is answered as, and its extra fields', () => {
    for (const [cell, status, extras] of listed) {
      const code = codesIn(cell!)[0] as ErrorCode;
      const error = new PipewrightError(code);
      const standIn = publicError(error) === undefined ? withheldCode(error) : code;
      const answered = `${mappingOf(code).status}${standIn === code ? '' : ` as \`${standIn}\``}`;
      const exposes: readonly string[] = errorSpec(code).exposes ?? [];
      expect({ code, status, extras: codesIn(extras!) }).toEqual({ code, status: answered, extras: [...exposes] });
    }
  });
});

describe('docs/api.md, the status table', () => {
  const byStatus = rows(errors.slice(0, errors.indexOf('### Every error code')));

  it('puts each code it names under the status and type the server answers with', () => {
    const named = byStatus.flatMap(([status, type, codes]) =>
      codesIn(codes!)
        .filter(isErrorCode)
        .map((code) => ({ code, status: Number(status), type: codesIn(type!)[0] })),
    );
    expect(named.length).toBeGreaterThan(30);
    for (const { code, status, type } of named) expect({ code, status, type }).toEqual({ code, ...mappingOf(code) });
  });
});
