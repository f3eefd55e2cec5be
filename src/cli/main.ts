#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { isPipewrightError } from '../errors/index.js';
import { registerKeys } from './commands/keys.js';
import { registerMcp } from './commands/mcp.js';
import { registerNodes } from './commands/nodes.js';
import { registerRun } from './commands/run.js';
import { registerServe } from './commands/serve.js';
import { registerSkill } from './commands/skill.js';
import { registerTemplates } from './commands/templates.js';
import { registerValidate } from './commands/validate.js';
import { registerWait } from './commands/wait.js';
import { registerWorker } from './commands/worker.js';
import { EXIT } from './exit-codes.js';
import { exitQuietlyOnClosedPipe } from './quiet-pipes.js';
import { version } from './version.js';

exitQuietlyOnClosedPipe(process.stdout);
exitQuietlyOnClosedPipe(process.stderr);

const program = new Command()
  .name('pipewright')
  .description('Run multi-step AI pipelines defined as React Flow JSON graphs')
  .version(version())
  .option('--database-url <url>', 'keep the store on this PostgreSQL database, not in PIPEWRIGHT_HOME (env PIPEWRIGHT_DATABASE_URL)')
  .option('--artifacts-url <url>', 'keep output files in this S3-compatible bucket, s3://bucket/prefix (env PIPEWRIGHT_ARTIFACTS_URL)')
  // Each flag is its variable's other spelling: every command that opens the store reads the environment.
  .hook('preAction', (command) => {
    const { databaseUrl, artifactsUrl } = command.opts<{ databaseUrl?: string; artifactsUrl?: string }>();
    if (databaseUrl !== undefined) process.env.PIPEWRIGHT_DATABASE_URL = databaseUrl;
    if (artifactsUrl !== undefined) process.env.PIPEWRIGHT_ARTIFACTS_URL = artifactsUrl;
  })
  .exitOverride()
  .showHelpAfterError();

// Each command registers its name, options and help here and imports its implementation when it
// runs: loading every command's dependencies up front cost ~700 ms on each start, `--help` included.
registerRun(program);
registerWait(program);
registerValidate(program);
registerNodes(program);
registerServe(program);
registerWorker(program);
registerMcp(program);
registerKeys(program);
registerSkill(program);
registerTemplates(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

/** The one place a CLI failure becomes a message and an exit code; never a stack trace. */
function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  if (isPipewrightError(error) && error.kind !== 'bug') {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT.badInput;
  }
  process.stderr.write(`error: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.failed;
}
