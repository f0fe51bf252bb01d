/**
 * Content memoisation for the custom functions. A workbook may hold hundreds of KPI/SIMULATE
 * cells over the same ranges; Excel hands each call a fresh copy of the range, so results are
 * cached on the *content* of the arguments, in bounded LRU maps (memory stays flat over a long
 * session). Failures are cached too: the same bad input gives the same error without recomputing.
 */

type Outcome<V> = { ok: true; value: V } | { ok: false; error: unknown };

export class Lru<V> {
  private readonly map = new Map<string, V>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      // Re-insert: Map keeps insertion order, so the first key is always the least recently used.
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }

  clear(): void {
    this.map.clear();
  }
}

/** An exact key for argument content (ranges as 2-D arrays, scalars, nulls). */
export function contentKey(...parts: unknown[]): string {
  return JSON.stringify(parts);
}

export class Memo<V> {
  private readonly cache: Lru<Outcome<V>>;
  /** Computations actually run (for tests and diagnostics). */
  computed = 0;

  constructor(capacity: number) {
    this.cache = new Lru(capacity);
  }

  /** The cached outcome for `key`, computing it once; rethrows a cached failure. */
  get(key: string, compute: () => V): V {
    let hit = this.cache.get(key);
    if (!hit) {
      this.computed++;
      try {
        hit = { ok: true, value: compute() };
      } catch (error) {
        hit = { ok: false, error };
      }
      this.cache.set(key, hit);
    }
    if (!hit.ok) throw hit.error;
    return hit.value;
  }

  get size(): number {
    return this.cache.size;
  }

  clear(): void {
    this.cache.clear();
    this.computed = 0;
  }
}
