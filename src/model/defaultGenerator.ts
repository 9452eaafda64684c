// A sensible sample-value generator for an attribute, guessed from its name and type, so a
// new attribute (typed in the canvas or imported) produces believable data straight away.
import type { AttributeType, Generator } from './types';

export function defaultGenerator(name: string, type: AttributeType): Generator {
  const lower = name.toLowerCase();
  switch (type) {
    case 'N':
      if (/(^ttl$|expires|expiry|epoch)/.test(lower)) return { kind: 'epochSeconds' };
      if (/(price|amount|total|cost|balance)/.test(lower)) return { kind: 'decimal', min: 1, max: 500, scale: 2 };
      return { kind: 'integer', min: 0, max: 1000 };
    case 'BOOL':
      return { kind: 'boolean' };
    case 'NULL':
      return { kind: 'constant', value: '' };
    case 'SS':
      return { kind: 'set', of: { kind: 'enum', values: ['red', 'green', 'blue', 'amber', 'violet'] }, min: 1, max: 3 };
    case 'NS':
      return { kind: 'set', of: { kind: 'integer', min: 1, max: 100 }, min: 1, max: 3 };
    case 'BS':
      return { kind: 'set', of: { kind: 'uuid' }, min: 1, max: 2 };
    case 'L':
      return { kind: 'list', of: { kind: 'sentence', words: 3 }, min: 0, max: 3 };
    case 'M':
      return { kind: 'map', fields: [{ name: 'note', type: 'S', generator: { kind: 'sentence', words: 4 } }] };
    case 'B':
      return { kind: 'uuid' };
    case 'S':
      return stringGenerator(lower);
  }
}

function stringGenerator(lower: string): Generator {
  if (lower.includes('email')) return { kind: 'email' };
  if (lower === 'username' || lower.endsWith('handle')) return { kind: 'username' };
  if (/(^name$|fullname|displayname|firstname|lastname|author)/.test(lower)) return { kind: 'personName' };
  if (/(url|link|href|website)/.test(lower)) return { kind: 'url' };
  if (/(at|date|time|timestamp)$/.test(lower) || lower.includes('date')) return { kind: 'isoDate' };
  if (/(^id$|id$|key$)/.test(lower)) return { kind: 'uuid' };
  if (lower === 'status') return { kind: 'enum', values: ['ACTIVE', 'INACTIVE'] };
  return { kind: 'sentence', words: 4 };
}
