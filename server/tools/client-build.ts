import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { clientBuildDir, repositoryRoot } from '../src/config/paths';

const clientInputs = ['client', 'shared', 'angular.json', 'tsconfig.json', 'package-lock.json'];

function newestModification(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestModification(path.join(entry, child))), stats.mtimeMs);
}

/** True when the built storefront is missing or older than any of its sources. */
export function clientBuildIsStale(): boolean {
  const index = path.join(clientBuildDir, 'index.html');
  if (!existsSync(index)) return true;
  const builtAt = statSync(index).mtimeMs;
  return clientInputs.some((input) => {
    const entry = path.join(repositoryRoot, input);
    return existsSync(entry) && newestModification(entry) > builtAt;
  });
}

/** Runs `ng build` (production) with its progress on the terminal; throws if it fails. */
export function buildClient(): void {
  const result = spawnSync('npx', ['ng', 'build'], { cwd: repositoryRoot, stdio: 'inherit', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
  if (result.status !== 0) throw new Error(`ng build failed with exit code ${result.status}`);
}
