// The check behind every number field: what is wrong with the typed text, in words shown next
// to the field.

/** Why `text` is not an acceptable value, or undefined when it is; only step 'any' allows fractions. */
export function numberError(text: string, min: number | undefined, max: number | undefined, step: 1 | 'any' | undefined): string | undefined {
  const number = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(number)) return 'Enter a number';
  if (min !== undefined && number < min) return `Must be at least ${min}`;
  if (max !== undefined && number > max) return `Must be at most ${max}`;
  if (step !== 'any' && !Number.isInteger(number)) return 'Must be a whole number';
  return undefined;
}
