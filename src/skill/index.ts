// The Claude Skill's packaging: where its files live, installing, packing, and its generated catalog.

export { SKILL_NAME, PACKAGE_ROOT, bundledTemplatesDir } from './paths.js';
export { skillFiles } from './files.js';
export type { SkillFile } from './files.js';
export { installSkill } from './install.js';
export type { InstallSkillOptions } from './install.js';
export { MANIFEST_FILE } from './manifest.js';
export { packSkill, skillZip } from './pack.js';
export { nodeCatalogReference } from './load-catalog-reference.js';
