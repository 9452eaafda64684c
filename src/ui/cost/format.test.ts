import { describe, expect, it } from 'vitest';
import { formatCount, formatStorage, formatUnits, formatUsd } from './format';

describe('cost formatting', () => {
  it('writes dollars to the cent, and a tiny non-zero amount as under a cent', () => {
    expect(formatUsd(1234.567)).toBe('$1,234.57');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.001)).toBe('< $0.01');
  });

  it('keeps fractional units per call and rounds monthly counts', () => {
    expect(formatUnits(0.5)).toBe('0.5');
    expect(formatUnits(1.256)).toBe('1.26');
    expect(formatCount(131_400_000.4)).toBe('131,400,000');
  });

  it('switches to GB (1,024³ bytes) from one GB up', () => {
    expect(formatStorage(512)).toBe('512 B');
    expect(formatStorage(1.5 * 1024 ** 3)).toBe('1.50 GB');
  });
});
