// A new, empty design: one on-demand table with a generic partition and sort key, as a single-
// table design starts, and nothing else — no entities, indexes, patterns, stream or settings.
import { tableDesign } from '../tableDesign';
import { MODEL_VERSION, type DesignModel } from '../types';

export function blankModel(): DesignModel {
  return {
    version: MODEL_VERSION,
    name: 'Untitled design',
    table: tableDesign('MyTable', { name: 'PK', type: 'S' }, { name: 'SK', type: 'S' }),
    globalSecondaryIndexes: [],
    localSecondaryIndexes: [],
    entities: [],
    accessPatterns: [],
    sampleSeed: 1,
  };
}
