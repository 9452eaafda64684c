// Seeded property-based differential test: random tables, items and expressions, the same
// requests to DynamoDB Local and to the engine, every answer compared. Replay a failure with
//   FC_SEED=<seed> FC_PATH=<path> npx vitest run --project differential src/engine/property
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { createOracle } from '../testing/differential';
import { operation } from './operations';
import { Mismatch, emptyStats, runSequence, type SequenceStats } from './runSequence';
import { tableShape } from './TableShape';

const DEFAULT_SEED = 20_260_525;
const RUNS = 40;
const MIN_OPERATIONS = 50;
const MAX_OPERATIONS = 70;
/** The issue's floor: at least this many random operations per `npm test`. */
const REQUIRED_OPERATIONS = 2000;
// Each shrink step replays a whole sequence against DynamoDB Local; past this budget the
// smallest failure found so far is reported instead of shrinking further.
const SHRINK_BUDGET_MS = 60_000;

function seedFromEnvironment(): number {
  const raw = process.env.FC_SEED;
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(raw)}`);
  return seed;
}

const scenario = tableShape.chain((shape) =>
  fc.record({ shape: fc.constant(shape), operations: fc.array(operation(shape), { minLength: MIN_OPERATIONS, maxLength: MAX_OPERATIONS }) }),
);

describe('engine vs DynamoDB Local on random operations (fast-check)', () => {
  it(`agrees on at least ${REQUIRED_OPERATIONS} random operations`, async () => {
    const seed = seedFromEnvironment();
    const path = process.env.FC_PATH || undefined;
    console.log(`property differential: seed ${seed}${path ? `, path ${path}` : ''}`);
    const oracle = createOracle(inject('dynamodbLocalEndpoint'));
    const stats: SequenceStats = emptyStats();
    let firstFailure: number | undefined;
    let operations = 0;

    const property = fc.asyncProperty(scenario, async ({ shape, operations: sequence }) => {
      if (firstFailure !== undefined && Date.now() - firstFailure > SHRINK_BUDGET_MS) return true;
      try {
        await runSequence(oracle, shape, sequence, stats);
        if (firstFailure === undefined) operations += sequence.length;
      } catch (error) {
        firstFailure ??= Date.now();
        throw error;
      }
      return true;
    });
    const details = await fc.check(property, { seed, path, numRuns: RUNS });
    if (details.failed) {
      const cause = details.errorInstance instanceof Mismatch ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(
        [
          `Engine and DynamoDB Local disagree (seed ${details.seed}, path "${details.counterexamplePath}", shrunk ${details.numShrinks} times).`,
          `Replay: FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath} npx vitest run --project differential src/engine/property`,
          cause,
        ].join('\n'),
      );
    }
    console.log(`property differential: ${operations} operations, ${stats.requests} requests (${stats.errors} errors) ${JSON.stringify(stats.byAction)}`);
    if (path === undefined) expect(operations).toBeGreaterThanOrEqual(REQUIRED_OPERATIONS);
  }, 600_000);
});
