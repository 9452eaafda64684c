import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './closestName';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('status', 'status')).toBe(0);
    expect(editDistance('stauts', 'status')).toBe(1);
    expect(editDistance('statu', 'status')).toBe(1);
    expect(editDistance('statuss', 'status')).toBe(1);
    expect(editDistance('stotus', 'status')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('closestName', () => {
  it('suggests the nearest known name, ignoring case', () => {
    expect(closestName('stauts', ['orderId', 'status', 'state'])).toBe('status');
    expect(closestName('custmerId', ['customerId', 'orderId'])).toBe('customerId');
    expect(closestName('ORDERID', ['orderId'])).toBe('orderId');
  });

  it('suggests nothing when every name is far off or the name itself is known', () => {
    expect(closestName('zzz', ['status', 'orderId'])).toBeUndefined();
    expect(closestName('status', ['status'])).toBeUndefined();
  });

  it('takes any string as a name', () => {
    expect(closestName('__proto__', ['constructor', '__proto_'])).toBe('__proto_');
    expect(closestName('naïve', ['naive', 'näive'])).toBe('naive');
  });
});
