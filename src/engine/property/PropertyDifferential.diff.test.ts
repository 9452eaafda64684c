// Seeded property-based differential test: random tables, items and expressions, the same
// requests to DynamoDB Local and to the engine, every answer compared. Replay a failure with
//   FC_SEED=<seed> FC_PATH=<path> npx vitest run --project differential src/engine/property/PropertyDifferential
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { createOracle } from '../testing/differential';
import { operation } from './operations';
import { Mismatch, describeOperation, emptyStats, minimize, runSequence, type SequenceStats } from './runSequence';
import { tableShape } from './TableShape';

const DEFAULT_SEED = 20_260_525;
const RUNS = 40;
const MIN_OPERATIONS = 50;
const MAX_OPERATIONS = 70;
/** The issue's floor: at least this many random operations per `npm test`. */
const REQUIRED_OPERATIONS = 2000;
/** Most requests must succeed (conditional check failures count as errors too). */
const MAX_ERROR_SHARE = 0.5;
// Each shrink step replays a whole sequence against DynamoDB Local; past this budget the
// smallest failure found so far is minimized (see `minimize`) and reported.
const SHRINK_BUDGET_MS = 30_000;

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
      const header = [
        `Engine and DynamoDB Local disagree (seed ${details.seed}, path "${details.counterexamplePath}", shrunk ${details.numShrinks} times).`,
        `Replay: FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath} npx vitest run --project differential src/engine/property/PropertyDifferential`,
      ];
      const [counterexample] = details.counterexample ?? [];
      if (!(details.errorInstance instanceof Mismatch) || !counterexample) throw new Error([...header, String(details.errorInstance)].join('\n'));
      const { operations: minimal, failure } = await minimize(oracle, counterexample.shape, counterexample.operations, details.errorInstance);
      throw new Error(
        [
          ...header,
          `Table: ${JSON.stringify(counterexample.shape)}`,
          `Smallest failing sequence (${minimal.length} of ${counterexample.operations.length} operations):`,
          ...minimal.map((op, i) => `  #${i} ${describeOperation(op)}`),
          failure.message,
        ].join('\n'),
      );
    }
    console.log(`property differential: ${operations} operations, ${stats.requests} requests (${stats.errors} errors) ${JSON.stringify(stats.byAction)}`);
    if (path !== undefined) return;
    expect(operations).toBeGreaterThanOrEqual(REQUIRED_OPERATIONS);
    // Guards against generators drifting into requests DynamoDB mostly rejects, or that
    // never reach an action: agreement on those would prove little.
    expect(Object.keys(stats.byAction).sort()).toEqual(['BatchGetItem', 'BatchWriteItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'Scan', 'UpdateItem']);
    expect(stats.errors / stats.requests).toBeLessThan(MAX_ERROR_SHARE);
  }, 600_000);
});
