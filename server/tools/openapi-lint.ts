// Lints the OpenAPI document that the shop serves at /api/openapi.json, with Redocly's rules
// (redocly.yaml): both the production document and the development one (which also has the
// development-only routes). Built from the real routes without a database, answered once on an
// ephemeral loopback port (never the shop's).
// The documents stay in test-results/openapi/ for a look. Exits non-zero when the lint fails.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../src/config/paths';
import { buildShopOpenApiDocument } from '../src/docs/shop-document';

const outputDir = path.join(repositoryRoot, 'test-results', 'openapi');
mkdirSync(outputDir, { recursive: true });

const files: string[] = [];
for (const [name, production] of [['openapi.json', true], ['openapi.development.json', false]] as const) {
  const file = path.join(outputDir, name);
  writeFileSync(file, `${JSON.stringify(await buildShopOpenApiDocument({ production }), null, 2)}\n`);
  files.push(path.relative(repositoryRoot, file));
}

const result = spawnSync('npx', ['redocly', 'lint', '--config', 'redocly.yaml', ...files], {
  cwd: repositoryRoot,
  stdio: 'inherit',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
process.exit(result.status ?? 1);
