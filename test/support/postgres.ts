import { execFile, execFileSync } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

/** Where Debian and Ubuntu's postgresql packages put the server binaries, one folder per major version. */
const POSTGRES_LIB = '/usr/lib/postgresql';

/** A PostgreSQL cluster of its own for a test file, on 127.0.0.1, removed by `stop`. */
export interface PostgresCluster {
  /** A new, empty database; its `postgres://` URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway cluster with the machine's PostgreSQL binaries (`initdb`, `pg_ctl` of the
 * newest version under /usr/lib/postgresql). PostgreSQL refuses to run as root, so as root every
 * command runs as the `postgres` user through `runuser`, in a temp folder made its own. The
 * server listens on a free port of 127.0.0.1, its socket is in the temp folder, and durability is
 * off (fsync), which a throwaway cluster does not need. Everything is removed by `stop`, after a
 * failed start, and, should the test process end first, the server is stopped as it exits.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBin();
  const dir = await mkdtemp(join(tmpdir(), 'pw-pg-'));
  const data = join(dir, 'data');
  const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  const argv = (program: string, args: string[]) => [...asPostgres, join(bin, program), ...args];
  const stopArgv = argv('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
  let running = false;
  const stopServer = () => {
    if (!running) return;
    running = false;
    try {
      execFileSync(stopArgv[0]!, stopArgv.slice(1), { stdio: 'ignore' });
    } catch {
      // The server is already gone.
    }
  };
  const removeAll = async () => {
    process.off('exit', stopServer);
    stopServer();
    await rm(dir, { recursive: true, force: true });
  };
  process.on('exit', stopServer);
  let port: number;
  try {
    if (asPostgres.length > 0) await chownToPostgres(dir);
    await runArgv(argv('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync', '--no-instructions']));
    port = await freePort();
    running = true;
    // -w: pg_ctl returns once the server accepts connections, or fails (server.log says why).
    const serverOptions = `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await runArgv(argv('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', 'start']));
  } catch (error) {
    await removeAll();
    throw error;
  }
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const admin = new pg.Pool({ connectionString: url('postgres'), max: 1 });
  let databases = 0;
  return {
    async createDatabase() {
      databases += 1;
      const name = `pw_test_${databases}`;
      await admin.query(`create database ${name}`);
      return url(name);
    },
    async stop() {
      await admin.end();
      await removeAll();
    },
  };
}

function postgresBin(): string {
  const versions = readdirSync(POSTGRES_LIB)
    .filter((name) => /^[0-9]+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error(`No PostgreSQL server under ${POSTGRES_LIB} (apt-get install postgresql)`);
  return join(POSTGRES_LIB, versions[0]!, 'bin');
}

async function runArgv([file, ...args]: string[]): Promise<void> {
  await execFileAsync(file!, args);
}

async function chownToPostgres(dir: string): Promise<void> {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  await chown(dir, uid, gid);
}

/** A port nothing listens on now: the OS picks one, and it is handed to the server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
