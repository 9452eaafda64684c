// Checks of what a pattern's request itself says, before it runs: names its expressions use
// that the design does not define (typos) or that DynamoDB rejects, placeholders with no value
// to run with, and writes that leave an item out of an index a read pattern queries.
import { closestName } from '../closestName';
import type { AccessPattern, DesignModel } from '../types';
import type { SampleItem } from '../sampleData';
import { knownAttributeNames, reservedWordsUsed, undefinedNameRefs, unknownAttributes } from './attributeNames';
import type { Verdict } from './checkPattern';
import { optionalParameters } from './entityWrites';
import { indexGaps } from './indexGaps';
import { parameterText } from './parameterValues';
import { requestPlaceholders, TABLE_PLACEHOLDER } from './placeholders';
import { exampleParameters } from './samples';

/**
 * Declared placeholders that neither an example nor the sample data gives a value: the request
 * cannot be built. Optional ones (an attribute the entity does not require, only in items put)
 * are left out of the item instead.
 */
export function parameterValueVerdicts(model: DesignModel, pattern: AccessPattern, samples: readonly SampleItem[]): Verdict[] {
  const optional = optionalParameters(model, pattern);
  const needed = new Set(pattern.parameters.filter((p) => p.example === undefined && !optional.has(p.name)).map((p) => p.name));
  // Any sample item with the attribute gives a value; only the rest need the full (and, for a
  // create, costly) choice of values, which runs on every keystroke in the design's problems.
  const unsure = requestPlaceholders(pattern.request).filter(
    (name) => name !== TABLE_PLACEHOLDER && needed.has(name) && !samples.some((s) => parameterText(s.item[name]) !== undefined),
  );
  if (unsure.length === 0) return [];
  const values = exampleParameters(model, pattern, samples);
  const known = knownAttributeNames(model);
  return unsure
    .filter((name) => values[name] === undefined)
    .map((name) => {
      const suggestion = closestName(name, known);
      return {
        level: 'error',
        code: 'parameters',
        at: 'parameters',
        message: `{{${name}}} has no value: no example is given and no sample item has an attribute ${name}${suggestion === undefined ? '' : ` (did you mean {{${suggestion}}}?)`}; type a value under Parameters`,
      };
    });
}

export function attributeVerdicts(model: DesignModel, pattern: AccessPattern): Verdict[] {
  const refs = undefinedNameRefs(pattern).map(({ field, ref }): Verdict => ({
    level: 'error',
    code: 'attributes',
    at: `request/${field}`,
    message: `${field} uses ${ref}, which ExpressionAttributeNames does not define: DynamoDB rejects the request`,
  }));
  const reserved = reservedWordsUsed(pattern).map(({ field, word }): Verdict => ({
    level: 'error',
    code: 'attributes',
    at: `request/${field}`,
    message: `${field} writes ${word} as a bare name, but it is a DynamoDB reserved word: DynamoDB rejects the request; name it #${word} with ExpressionAttributeNames { "#${word}": "${word}" }`,
  }));
  const unknown = unknownAttributes(model, pattern).map(({ field, name, suggestion }): Verdict => ({
    level: 'warning',
    code: 'attributes',
    at: `request/${field}`,
    message: `${field} names ${name}, which no entity defines and no key uses${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}; DynamoDB accepts it and finds no such attribute`,
  }));
  return [...refs, ...reserved, ...unknown];
}

export function indexGapVerdicts(model: DesignModel, pattern: AccessPattern): Verdict[] {
  return indexGaps(model, pattern).map(({ field, how, entity, index, missing, readers }) => {
    const keys = missing.join(' and ');
    const queriedBy = `${readers.map((r) => `"${r.name}"`).join(', ')} ${readers.length > 1 ? 'query' : 'queries'}`;
    return {
      level: 'warning',
      code: 'indexes',
      at: `request/${field}`,
      message:
        how === 'missing'
          ? `Writes ${entity.name} items without ${keys}, so they are left out of ${index}, which ${queriedBy}: set ${missing.length > 1 ? 'them' : 'it'} from ${entity.name}'s ${index} key templates`
          : `Removes ${keys} from ${entity.name} items, so they drop out of ${index}, which ${queriedBy}`,
    };
  });
}
