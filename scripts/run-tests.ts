// `npm test`: lint, data pipeline, unit tests (vitest), type check, production build, end-to-end tests
// (@playwright/test in headless Chromium).
// Last line: the total of every test run, "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'test-results');
mkdirSync(RESULTS, { recursive: true });
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const step = (label: string, cmd: string, args: string[]) => {
  console.log(`\n== ${label}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status ?? 1;
};

let passed = 0,
  failed = 0;
const fatal = (what: string) => {
  console.log(`\n${what} failed: tests that depend on it were not run.`);
  failed++;
};

// Lint and format (Biome): one test, so a style or lint error is counted like any failure.
if (step('lint (Biome)', bin('biome'), ['check', '.']) === 0) passed++;
else failed++;
// Unused files, exports and dependencies (knip, config knip.json): one test too.
if (step('unused code (knip)', bin('knip'), []) === 0) passed++;
else failed++;

if (step('data pipeline', bin('tsx'), ['scripts/build-data.ts']) !== 0) fatal('data pipeline');
else {
  // The production build comes before the unit tests: the size budget test reads dist/.
  const typed = step('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']) === 0;
  if (!typed) fatal('type check');
  const built = typed && step('build', bin('vite'), ['build', '--logLevel', 'warn']) === 0;
  if (typed && !built) fatal('build');

  const unitJson = join(RESULTS, 'unit.json');
  rmSync(unitJson, { force: true });
  step('unit tests (vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${unitJson}`,
  ]);
  if (existsSync(unitJson)) {
    const r = JSON.parse(readFileSync(unitJson, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  } else fatal('vitest');

  if (built) {
    const pwJson = join(RESULTS, 'playwright.json');
    rmSync(pwJson, { force: true }); // never count a previous run's results
    step('end-to-end tests (@playwright/test, Chromium)', bin('playwright'), ['test']);
    if (existsSync(pwJson)) {
      const r = JSON.parse(readFileSync(pwJson, 'utf8'));
      passed += r.stats.expected + r.stats.flaky;
      failed += r.stats.unexpected;
    } else fatal('playwright run');
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
