/**
 * A Map with a size limit, for memoising parses. When full it drops the oldest entry (Map keeps
 * insertion order), which is cheaper than true LRU and good enough: a design's addresses and CIDRs
 * are a working set that fits, and the limit only guards against unbounded growth while typing.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`cache limit must be a positive integer, not ${limit}`);
  }

  /** The cached value, or undefined. */
  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Stores a value, evicting the oldest entry when the cache is full. */
  set(key: K, value: V): void {
    if (this.entries.size >= this.limit && !this.entries.has(key)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }

  /** Number of cached entries. */
  get size(): number {
    return this.entries.size;
  }

  /** Empties the cache. */
  clear(): void {
    this.entries.clear();
  }
}
