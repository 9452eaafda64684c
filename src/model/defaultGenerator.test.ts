import { describe, expect, it } from 'vitest';
import { defaultGenerator } from './defaultGenerator';

describe('defaultGenerator', () => {
  it.each([
    ['email', 'S', 'email'],
    ['username', 'S', 'username'],
    ['displayName', 'S', 'personName'],
    ['imageUrl', 'S', 'url'],
    ['createdAt', 'S', 'isoDate'],
    ['orderId', 'S', 'uuid'],
    ['status', 'S', 'enum'],
    ['bio', 'S', 'sentence'],
    ['expiresAt', 'N', 'epochSeconds'],
    ['price', 'N', 'decimal'],
    ['likesCount', 'N', 'integer'],
    ['active', 'BOOL', 'boolean'],
    ['tags', 'SS', 'set'],
    ['scores', 'NS', 'set'],
    ['history', 'L', 'list'],
    ['address', 'M', 'map'],
  ] as const)('%s (%s) gets a %s generator', (name, type, kind) => {
    expect(defaultGenerator(name, type).kind).toBe(kind);
  });
});
