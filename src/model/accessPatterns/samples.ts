// Sample items as the checks see them, and parameter values drawn from them so a preloaded
// pattern returns items whatever the generator's seed.
import type { SampleItem } from '../sampleData';
import type { AccessPattern, DesignModel } from '../types';
import type { ParameterValues } from './buildRequest';

function scalarText(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.S === 'string') return v.S;
  if (typeof v.N === 'string') return v.N;
  if (typeof v.BOOL === 'boolean') return String(v.BOOL);
  return undefined;
}

/**
 * Values for the parameters of `pattern`: declared examples first, then values of
 * same-named attributes of one sample item of the pattern's entity (the one in the fullest
 * item collection, so "a user's posts" picks a user who has posts), then any sample item.
 */
export function exampleParameters(
  model: DesignModel,
  pattern: AccessPattern,
  samples: readonly SampleItem[],
): ParameterValues {
  const values: ParameterValues = {};
  for (const p of pattern.parameters) if (p.example !== undefined) values[p.name] = p.example;
  const missing = pattern.parameters.map((p) => p.name).filter((n) => values[n] === undefined);
  if (missing.length === 0) return values;

  const own = pattern.entity ? samples.filter((s) => s.entityId === pattern.entity) : [];
  const pool = own.length > 0 ? own : samples;
  const pk = model.table.partitionKey.name;
  const collectionSize = new Map<string, number>();
  for (const s of pool) {
    const key = scalarText(s.item[pk]) ?? '';
    collectionSize.set(key, (collectionSize.get(key) ?? 0) + 1);
  }
  let best: SampleItem | undefined;
  let bestScore = -1;
  for (const s of pool) {
    const covered = missing.filter((n) => scalarText(s.item[n]) !== undefined).length;
    const score = covered * 1_000_000 + (collectionSize.get(scalarText(s.item[pk]) ?? '') ?? 0);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  for (const name of missing) {
    const fromBest = best ? scalarText(best.item[name]) : undefined;
    const value = fromBest ?? samples.map((s) => scalarText(s.item[name])).find((v) => v !== undefined);
    if (value !== undefined) values[name] = value;
  }
  return values;
}
