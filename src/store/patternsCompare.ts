// Runs an access pattern on the in-browser engine and on a real endpoint through the same
// run code (patternsRun), and says whether the two normalised answers agree.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { jsonDifferences, type Difference } from '../connect';
import { exampleParameters } from '../model/accessPatterns';
import type { SampleItem } from '../model/sampleData';
import type { AccessPattern, DesignModel } from '../model/types';
import { runPattern, runPatternWith, type RunOutcome } from './patternsRun';

export interface PatternComparison {
  patternId: string;
  verdict: 'same' | 'different';
  differences: Difference[];
  engine: RunOutcome;
  endpoint: RunOutcome;
}

/**
 * What must agree: the answer and its capacity, not timings or the SDK's raw response, nor the
 * index entries the engine's run reads back (an endpoint's run does not, to spare its reads).
 */
function comparable(outcome: RunOutcome): unknown {
  if (!outcome.ok) return { error: outcome.errorName };
  const { items, count, scannedCount, capacity, next, written } = outcome;
  return { items, count, scannedCount, capacity, next, written: written?.map(({ indexEntries: _entries, ...item }) => item) };
}

export async function comparePattern(
  endpoint: DynamoDBClient,
  model: DesignModel,
  samples: readonly SampleItem[],
  pattern: AccessPattern,
): Promise<PatternComparison> {
  const params = exampleParameters(model, pattern, samples);
  const engineOutcome = await runPattern(model, samples, pattern, params);
  const endpointOutcome = await runPatternWith(() => endpoint, model, pattern, params);
  const differences = jsonDifferences(comparable(engineOutcome), comparable(endpointOutcome));
  return {
    patternId: pattern.id,
    verdict: differences.length === 0 ? 'same' : 'different',
    differences,
    engine: engineOutcome,
    endpoint: endpointOutcome,
  };
}
