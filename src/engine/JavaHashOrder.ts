// DynamoDB Local lists some names in its messages in the iteration order of a java.util.HashSet
// of strings; these emulate that order so the engine's messages match word for word.

/** Java's String.hashCode: s[0]*31^(n-1) + … + s[n-1] over UTF-16 code units, in int32. */
export function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/** The table size of `new HashMap<>(expected)`: the next power of two, at least 1. */
export function javaTableSizeFor(expected: number): number {
  let capacity = 1;
  while (capacity < expected) capacity *= 2;
  return capacity;
}

/**
 * The iteration order of a java.util.HashMap whose distinct entries were put in the given
 * order: by bucket (the hash spread with h ^ (h >>> 16), masked to a table of `capacity`
 * (16 by default) doubling whenever it is more than 3/4 full), then in insertion order within a bucket.
 */
export function javaHashMapOrder<T>(entries: readonly T[], hash: (entry: T) => number, initialCapacity = 16): T[] {
  if (entries.length < 2) return [...entries];
  let capacity = initialCapacity;
  while (entries.length > capacity * 0.75) capacity *= 2;
  return entries
    .map((entry, index) => {
      const h = hash(entry);
      return { entry, index, bucket: (h ^ (h >>> 16)) & (capacity - 1) };
    })
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map(({ entry }) => entry);
}

/** The order of a java.util.HashSet of strings that had `keys` added one by one (a repeat keeps its first place). */
export function javaHashSetOrder(keys: Iterable<string>): string[] {
  return javaHashMapOrder([...new Set(keys)], javaStringHash);
}
