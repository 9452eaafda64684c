// Figures the benchmarks share.

/** The middle value (the upper one of an even count): robust to a few rounds a busy machine slowed. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
