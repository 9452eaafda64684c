// `npm test`: typecheck, unit, differential and end-to-end suites in one run.
// Every suite runs even when an earlier one fails, and the output ends with the summed
// counts so CI (and a person) reads one closing line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const outDir = '.tmp/test-results';
mkdirSync(outDir, { recursive: true });

const suites = [];
// Failed tests by name, repeated in the summary so the tail of a CI log says what broke.
const failures = [];

function firstLine(text) {
  return String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '').trim().split('\n')[0].slice(0, 300);
}

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}


function vitestSuite(project, { label = project, paths = [], env = {} } = {}) {
  const file = `${outDir}/vitest-${label.replace(/\W+/g, '-')}.json`;
  const status = run(`vitest ${label}`, 'npx', [
    'vitest', 'run', '--project', project, ...paths,
    '--reporter=default', '--reporter=json', `--outputFile.json=${file}`,
  ], env);
  let passed = 0;
  let failed = 0;
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed = report.numFailedTests ?? 0;
    for (const file of report.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status === 'failed') failures.push(`${label} › ${file.name.replace(process.cwd() + '/', '')} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
      }
      if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failures.push(`${label} › ${file.name.replace(process.cwd() + '/', '')}: ${firstLine(file.message)}`);
    }
  }
  if (status !== 0 && failed === 0) failed = 1;
  suites.push({ name: `vitest ${label}`, passed, failed });
}

/** A whole-tree check (types, lint, dependency rules) counts as one test. */
function checkSuite(name, args) {
  const status = run(name, 'npx', args);
  suites.push({ name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 });
  if (status !== 0) failures.push(`${name}: see its output above`);
}

function playwrightSuite() {
  const file = `${outDir}/playwright.json`;
  const status = run('playwright e2e', 'npx', ['playwright', 'test'], { PW_JSON_OUT: file });
  let passed = 0;
  let failed = 0;
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const stats = report.stats ?? {};
    const visit = (suite, path) => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests ?? []) {
          if (test.status === 'unexpected' || test.status === 'flaky') {
            const error = test.results?.find((r) => r.error)?.error?.message;
            failures.push(`playwright › ${[...path, spec.title].join(' › ')}: ${firstLine(error)}`);
          }
        }
      }
      for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
    };
    for (const suite of report.suites ?? []) visit(suite, [suite.title]);
    passed = stats.expected ?? 0;
    failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  }
  if (status !== 0 && failed === 0) failed = 1;
  suites.push({ name: 'playwright e2e', passed, failed });
}

// `node scripts/test.mjs fixtures` runs only the suite that reads ../shared.
if (process.argv[2] === 'fixtures') {
  vitestSuite('fixtures');
} else {
  checkSuite('typecheck', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  checkSuite('lint', ['eslint', '.']);
  vitestSuite('unit');
  vitestSuite('differential');
  // The engine's differential suite once more, with the engine behind `tablesmith serve` over HTTP.
  vitestSuite('differential', {
    label: 'differential over HTTP',
    paths: ['src/engine'],
    env: { TABLESMITH_DIFF_OVER_HTTP: '1' },
  });
  playwrightSuite();
}

console.log('\n=== summary');
if (failures.length > 0) {
  console.log('failed tests:');
  for (const f of failures) console.log(`  ✗ ${f}`);
}
for (const s of suites) console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed`);
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
