// `npm test`: every layer, in order — type checks, lint, the OpenAPI document's lint (Redocly),
// server specs against a real database, Angular specs in headless Chromium, and Playwright
// end-to-end tests against the built app.
// Each step runs even when an earlier one failed (except e2e, which needs the build), and the run
// ends with one line `N passed, N failed` counting every spec and every check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../src/config/paths';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Step {
  name: string;
  command: string[];
  /** Where the step's runner writes its counts; without one the step counts as one check. */
  resultsFile?: string;
  readCounts?: (file: string) => Counts;
  needs?: string;
  env?: Record<string, string>;
}

const resultsDir = path.join(repositoryRoot, 'test-results', 'counts');

function countsFile(name: string): string {
  return path.join(resultsDir, `${name}.json`);
}

function readJsonCounts(file: string): Counts {
  return JSON.parse(readFileSync(file, 'utf8')) as Counts;
}

/** Playwright's JSON report: expected = passed, unexpected = failed, flaky counts as failed here. */
function readPlaywrightCounts(file: string): Counts {
  const { stats } = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };
}

const steps: Step[] = [
  { name: 'typecheck: server, shared, bench', command: ['npx', 'tsc', '-p', 'server/tsconfig.json'] },
  { name: 'typecheck: client', command: ['npx', 'tsc', '-p', 'client/tsconfig.app.json', '--noEmit'] },
  { name: 'typecheck: client specs', command: ['npx', 'tsc', '-p', 'client/tsconfig.spec.json', '--noEmit'] },
  { name: 'typecheck: e2e', command: ['npx', 'tsc', '-p', 'e2e/tsconfig.json'] },
  { name: 'lint', command: ['npx', 'eslint', '.'] },
  { name: 'OpenAPI document lint (Redocly)', command: ['npx', 'tsx', 'server/tools/openapi-lint.ts'] },
  {
    name: 'server specs (Jasmine, real database)',
    command: ['npx', 'tsx', 'node_modules/jasmine/bin/jasmine.js', '--config=server/jasmine.json'],
    resultsFile: countsFile('server'),
    readCounts: readJsonCounts,
  },
  { name: 'client build', command: ['npx', 'ng', 'build'] },
  {
    name: 'client specs (Karma, headless Chromium)',
    command: ['npx', 'ng', 'test', '--watch=false', '--progress=false'],
    resultsFile: countsFile('client'),
    readCounts: readJsonCounts,
  },
  {
    name: 'e2e (Playwright, Chromium)',
    command: ['npx', 'playwright', 'test', '--config=e2e/playwright.config.ts'],
    resultsFile: countsFile('e2e'),
    readCounts: readPlaywrightCounts,
    needs: 'client build',
  },
];

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const outcomes: Array<{ name: string; counts: Counts; seconds: number; note?: string }> = [];
const failedSteps = new Set<string>();

for (const step of steps) {
  if (step.needs && failedSteps.has(step.needs)) {
    outcomes.push({ name: step.name, counts: { passed: 0, failed: 1, skipped: 0 }, seconds: 0, note: `not run: ${step.needs} failed` });
    failedSteps.add(step.name);
    continue;
  }
  console.log(`\n━━ ${step.name}: ${step.command.join(' ')}`);
  const startedAt = Date.now();
  const result = spawnSync(step.command[0]!, step.command.slice(1), {
    cwd: repositoryRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      NG_CLI_ANALYTICS: 'false',
      ...(step.resultsFile ? { TEST_RESULTS_FILE: step.resultsFile, PLAYWRIGHT_JSON_OUTPUT_FILE: step.resultsFile } : {}),
      ...step.env,
    },
  });
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  const exitedCleanly = result.status === 0;
  let counts: Counts;
  let note: string | undefined;
  if (step.resultsFile && step.readCounts) {
    counts = existsSync(step.resultsFile) ? step.readCounts(step.resultsFile) : { passed: 0, failed: 0, skipped: 0 };
    // A runner that crashed, or exited non-zero with nothing failed, still fails its step.
    if (!exitedCleanly && counts.failed === 0) {
      counts.failed = 1;
      note = `exited with ${result.status ?? result.signal}`;
    }
    if (exitedCleanly && counts.passed === 0) {
      counts.failed += 1;
      note = 'ran no tests';
    }
  } else {
    counts = exitedCleanly ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  }
  if (counts.failed > 0) failedSteps.add(step.name);
  outcomes.push({ name: step.name, counts, seconds, ...(note ? { note } : {}) });
}

const total = outcomes.reduce((sum, { counts }) => ({ passed: sum.passed + counts.passed, failed: sum.failed + counts.failed, skipped: sum.skipped + counts.skipped }), { passed: 0, failed: 0, skipped: 0 });

console.log('\n━━ Summary');
for (const outcome of outcomes) {
  const status = outcome.counts.failed > 0 ? 'FAIL' : 'ok  ';
  const skipped = outcome.counts.skipped ? `, ${outcome.counts.skipped} skipped` : '';
  console.log(`${status} ${outcome.name.padEnd(42)} ${String(outcome.counts.passed).padStart(4)} passed, ${outcome.counts.failed} failed${skipped}  (${outcome.seconds}s)${outcome.note ? `  — ${outcome.note}` : ''}`);
}
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
