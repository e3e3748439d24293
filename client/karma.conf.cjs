// Karma runs the Angular specs in the system's Chromium (Debian's /usr/bin/chromium); the flags
// let it run headless as root on machines without a GPU or a sandbox.
const fs = require('node:fs');
const path = require('node:path');

process.env.CHROME_BIN ??= ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((candidate) => fs.existsSync(candidate));

/** Writes the pass/fail counts where `npm test` collects every layer's results. */
function CountsReporter(baseReporterDecorator) {
  baseReporterDecorator(this);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  this.onSpecComplete = (_browser, result) => {
    if (result.skipped || result.pending) counts.skipped += 1;
    else if (result.success) counts.passed += 1;
    else counts.failed += 1;
  };
  this.onRunComplete = () => {
    const file = process.env.TEST_RESULTS_FILE;
    if (file) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(counts));
    }
  };
}
CountsReporter.$inject = ['baseReporterDecorator'];

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      { 'reporter:counts': ['type', CountsReporter] },
    ],
    client: { jasmine: { random: true }, clearContext: false },
    reporters: ['progress', 'counts'],
    browsers: ['ChromeHeadlessCI'],
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        flags: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
      },
    },
    singleRun: true,
    restartOnFileChange: false,
  });
};
