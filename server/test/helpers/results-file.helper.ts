import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes pass/fail counts where `npm test` collects every layer's results. */
const resultsFile = process.env['TEST_RESULTS_FILE'];
if (resultsFile) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  jasmine.getEnv().addReporter({
    specDone: (result) => {
      if (result.status === 'passed') counts.passed += 1;
      else if (result.status === 'failed') counts.failed += 1;
      else counts.skipped += 1;
    },
    suiteDone: (result) => {
      // A failing beforeAll/afterAll fails its suite without failing a spec.
      if (result.status === 'failed') counts.failed += 1;
    },
    jasmineDone: (result) => {
      if (result.overallStatus === 'failed' && counts.failed === 0) counts.failed = 1;
      mkdirSync(path.dirname(resultsFile), { recursive: true });
      writeFileSync(resultsFile, JSON.stringify(counts));
    },
  });
}
