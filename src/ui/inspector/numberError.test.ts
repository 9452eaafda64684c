import { describe, expect, it } from 'vitest';
import { numberError } from './numberError';

describe('numberError', () => {
  it('accepts a whole number in range', () => {
    expect(numberError('5', 1, 10, undefined)).toBeUndefined();
    expect(numberError('1', 1, undefined, undefined)).toBeUndefined();
  });

  it('asks for a number when the text is empty or not a number', () => {
    expect(numberError('', 1, undefined, undefined)).toBe('Enter a number');
    expect(numberError('  ', undefined, undefined, 'any')).toBe('Enter a number');
    expect(numberError('1e999', undefined, undefined, 'any')).toBe('Enter a number');
  });

  it('names the bound that is crossed', () => {
    expect(numberError('0', 1, undefined, undefined)).toBe('Must be at least 1');
    expect(numberError('95', 20, 90, 'any')).toBe('Must be at most 90');
  });

  it('wants whole numbers unless any step is allowed', () => {
    expect(numberError('2.5', 0, undefined, undefined)).toBe('Must be a whole number');
    expect(numberError('2.5', 0, undefined, 1)).toBe('Must be a whole number');
    expect(numberError('70.5', 20, 90, 'any')).toBeUndefined();
  });
});
