/** 96 random bits: ids are unguessable, and the pattern is the only gate before a path is built. */
export const ARTIFACT_ID = /^art_[0-9a-f]{24}$/;

const REF = /^pipewright:\/\/artifacts\/(art_[0-9a-f]{24})$/;
/** What older records hold: the REST route's path, relative (`/…/artifacts/art_…`). */
const RELATIVE_PATH = /^(?:\/[A-Za-z0-9._~-]+)*\/artifacts\/(art_[0-9a-f]{24})$/;

/**
 * How stored outputs name a file this pipewright keeps. It never expires and names no face, so
 * records and cached outputs stay valid however they are shown later: each face turns it into
 * its own form on the way out (a signed URL, a resource link, a file path).
 */
export function artifactRef(id: string): string {
  return `pipewright://artifacts/${id}`;
}

/** The artifact a stored value names: a reference, or the relative URL older records kept. */
export function artifactIdOf(text: string): string | undefined {
  return REF.exec(text)?.[1] ?? RELATIVE_PATH.exec(text)?.[1];
}
