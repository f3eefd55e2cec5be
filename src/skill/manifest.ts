import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SKILL_NAME } from './paths.js';

/** The file `skill install` writes into the folder it installs to, naming every file it put there. */
export const MANIFEST_FILE = '.pipewright-skill.json';

/**
 * A path the installer may write or remove: relative, `/`-separated, every segment starting with
 * a letter or digit. So no entry of a manifest, even one edited by hand, can name `..`, an
 * absolute path or a dot folder such as `.git`.
 */
const OwnPath = z.string().regex(/^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)*$/);

export const SkillManifestSchema = z.object({
  name: z.literal(SKILL_NAME),
  version: z.string(),
  files: z.array(OwnPath),
});
export type SkillManifest = z.infer<typeof SkillManifestSchema>;

/**
 * The manifest of an earlier install in `target`, or undefined when there is none or it is not
 * one this installer wrote (unreadable, another shape): such a folder is treated as someone else's.
 */
export async function readManifest(target: string): Promise<SkillManifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(target, MANIFEST_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = SkillManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function writeManifest(target: string, manifest: SkillManifest): Promise<void> {
  await writeFile(join(target, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
