import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import { repositoryRoot } from '../config/paths';
import { DatabaseStartError } from './database-start-error';

const sourceDir = path.join(repositoryRoot, 'server', 'ferretdb');
const sourceFiles = ['main.go', 'go.mod', 'go.sum'];

export function goToolchainAvailable(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

/** The binary is named after a hash of its sources, so a change of go.mod or main.go rebuilds it. */
function binaryPath(): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles) hash.update(readFileSync(path.join(sourceDir, file)));
  return path.join(repositoryRoot, '.cache', 'ferretdb', `ferretdb-${hash.digest('hex').slice(0, 16)}`);
}

export interface GoBuildResult {
  exitCode: number | null;
  /** Everything go wrote to stderr, for the error message of a failed build. */
  output: string[];
}

/**
 * Runs `go build -v` or `go install -v`, which name each package as they compile it: a cold build
 * compiles hundreds and takes minutes, so `activity` is logged with the count every few seconds.
 */
export async function runGoBuild(
  go: string,
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv; log: Logger; activity: string },
): Promise<GoBuildResult> {
  const startedAt = Date.now();
  const build = spawn(go, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'ignore', 'pipe'] });
  const output: string[] = [];
  let compiledPackages = 0;
  let lastReport = Date.now();
  createInterface({ input: build.stderr }).on('line', (line) => {
    output.push(line);
    if (line.trim() && !line.includes(' ')) compiledPackages += 1;
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      options.log.info(`${options.activity}: ${compiledPackages} packages compiled, ${Math.round((Date.now() - startedAt) / 1000)}s`);
    }
  });
  const exitCode = await new Promise<number | null>((resolve) => {
    build.on('close', resolve);
    build.on('error', () => resolve(-1));
  });
  return { exitCode, output };
}

/**
 * Builds our FerretDB wrapper once with `go build` and caches the binary. The first build compiles
 * a few hundred packages (about a minute on two cores), so progress is reported as it goes.
 */
export async function ensureFerretDbBinary(log: Logger): Promise<string> {
  const binary = binaryPath();
  if (existsSync(binary)) return binary;
  if (!goToolchainAvailable()) {
    throw new DatabaseStartError(
      'No database to start: MONGODB_URI is not set, no `mongod` is on PATH, and the Go toolchain needed to build ' +
        'the embedded FerretDB is missing.\n' +
        '  Install Go 1.24 or newer (https://go.dev/dl/, or `apt-get install golang`), or install MongoDB so `mongod` is on PATH,\n' +
        '  or set MONGODB_URI=mongodb://host:27017/meanshop to use a running MongoDB.',
    );
  }
  mkdirSync(path.dirname(binary), { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  log.info('building the embedded database (FerretDB) with go build; this happens once');
  const startedAt = Date.now();
  const { exitCode, output } = await runGoBuild('go', ['build', '-v', '-trimpath', '-o', partial, '.'], {
    cwd: sourceDir,
    env: { ...process.env, GOFLAGS: '-mod=readonly', CGO_ENABLED: '0' },
    log,
    activity: 'building the embedded database',
  });
  if (exitCode !== 0) {
    throw new DatabaseStartError(
      `Building the embedded FerretDB failed (go build exited with ${exitCode}):\n${output.slice(-30).join('\n')}`,
    );
  }
  renameSync(partial, binary);
  log.info(`embedded database built in ${Math.round((Date.now() - startedAt) / 1000)}s: ${path.relative(repositoryRoot, binary)}`);
  return binary;
}
