/*
 * An immutable map whose `set` costs a small fraction of a copy: the entries are spread over a
 * fixed number of buckets and an update copies only its own bucket. The inbox keeps thousands
 * of conversations and changes one per message; copying a whole Map for each was the largest
 * cost of a live update in a big inbox.
 */

const BUCKETS = 256;

function bucketOf(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return hash & (BUCKETS - 1);
}

export class PersistentMap<V> {
  private constructor(
    private readonly buckets: readonly ReadonlyMap<string, V>[],
    readonly size: number,
  ) {}

  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    const buckets = Array.from({ length: BUCKETS }, () => new Map<string, V>());
    for (const [key, value] of entries) buckets[bucketOf(key)]?.set(key, value);
    return new PersistentMap(
      buckets,
      buckets.reduce((size, bucket) => size + bucket.size, 0),
    );
  }

  static empty<V>(): PersistentMap<V> {
    return PersistentMap.from<V>([]);
  }

  get(key: string): V | undefined {
    return this.buckets[bucketOf(key)]?.get(key);
  }

  has(key: string): boolean {
    return this.buckets[bucketOf(key)]?.has(key) ?? false;
  }

  /** The same map when `key` already holds exactly `value`. */
  set(key: string, value: V): PersistentMap<V> {
    const index = bucketOf(key);
    const bucket = this.buckets[index] ?? new Map<string, V>();
    if (bucket.has(key) && bucket.get(key) === value) return this;
    const grown = bucket.has(key) ? 0 : 1;
    return this.withBucket(index, new Map(bucket).set(key, value), this.size + grown);
  }

  /** The same map when `key` is not in it. */
  delete(key: string): PersistentMap<V> {
    const index = bucketOf(key);
    const bucket = this.buckets[index];
    if (!bucket?.has(key)) return this;
    const next = new Map(bucket);
    next.delete(key);
    return this.withBucket(index, next, this.size - 1);
  }

  *values(): IterableIterator<V> {
    for (const bucket of this.buckets) yield* bucket.values();
  }

  private withBucket(index: number, bucket: ReadonlyMap<string, V>, size: number): PersistentMap<V> {
    const buckets = [...this.buckets];
    buckets[index] = bucket;
    return new PersistentMap(buckets, size);
  }
}
