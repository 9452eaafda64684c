// Sample items as the checks see them, and parameter values drawn from them so a preloaded
// pattern returns items whatever the generator's seed.
import { generateSampleItems, type SampleItem } from '../sampleData';
import type { AccessPattern, DesignModel } from '../types';
import type { ParameterValues } from './buildRequest';
import { parameterText } from './parameterValues';

/** Whether the pattern puts whole items (PutItem, a batch put, a transaction Put). */
function putsItems(pattern: AccessPattern): boolean {
  if (pattern.operation === 'PutItem') return true;
  if (pattern.operation === 'BatchWriteItem') return JSON.stringify(pattern.request).includes('"PutRequest"');
  if (pattern.operation === 'TransactWriteItems') return JSON.stringify(pattern.request).includes('"Put"');
  return false;
}

/**
 * The item the entity's next sample would be: not in the sample data yet (columns are drawn
 * from streams that do not depend on the count), its references pointing at items that are.
 */
function nextSample(model: DesignModel, entityId: string): SampleItem | undefined {
  const grown: DesignModel = { ...model, entities: model.entities.map((e) => (e.id === entityId ? { ...e, sampleCount: e.sampleCount + 1 } : e)) };
  const own = generateSampleItems(grown).filter((s) => s.entityId === entityId && s.imported !== true);
  return own.length === (grown.entities.find((e) => e.id === entityId)?.sampleCount ?? 0) ? own[own.length - 1] : undefined;
}

/**
 * Values for the parameters of `pattern`: declared examples first; for a pattern that puts
 * its entity's items, the values of a new item (so a create does not collide with a sample);
 * then values of
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
  if (pattern.entity !== undefined && putsItems(pattern)) {
    const next = nextSample(model, pattern.entity);
    for (const p of pattern.parameters) {
      const value = values[p.name] ?? parameterText(next?.item[p.name]);
      if (value !== undefined) values[p.name] = value;
    }
  }
  const missing = pattern.parameters.map((p) => p.name).filter((n) => values[n] === undefined);
  if (missing.length === 0) return values;

  const own = pattern.entity ? samples.filter((s) => s.entityId === pattern.entity) : [];
  const pool = own.length > 0 ? own : samples;
  const pk = model.table.partitionKey.name;
  const collectionSize = new Map<string, number>();
  for (const s of pool) {
    const key = parameterText(s.item[pk]) ?? '';
    collectionSize.set(key, (collectionSize.get(key) ?? 0) + 1);
  }
  let best: SampleItem | undefined;
  let bestScore = -1;
  for (const s of pool) {
    const covered = missing.filter((n) => parameterText(s.item[n]) !== undefined).length;
    const score = covered * 1_000_000 + (collectionSize.get(parameterText(s.item[pk]) ?? '') ?? 0);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  for (const name of missing) {
    const fromBest = best ? parameterText(best.item[name]) : undefined;
    const value = fromBest ?? samples.map((s) => parameterText(s.item[name])).find((v) => v !== undefined);
    if (value !== undefined) values[name] = value;
  }
  return values;
}
