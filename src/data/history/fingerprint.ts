/**
 * Duplicate rows found without keeping rows: each date-only row leaves a 96-bit fingerprint of its
 * date, numbers and dimension values (three independent 32-bit hashes), not its text. Two different
 * rows share a fingerprint with probability about n²/2⁹⁷ — below 1e-17 for a million rows — so a
 * large export is checked for pasted-twice rows in memory that grows by ~60 bytes a row instead of
 * the row itself (docs/data.md "Memory").
 */
const f64 = new Float64Array(1);
const words = new Uint32Array(f64.buffer);

class Hash3 {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;
  private c = 0x2d358dcc;

  word(w: number): void {
    this.a = Math.imul(this.a ^ w, 0x01000193);
    let b = Math.imul(this.b ^ w, 0x5bd1e995);
    this.b = b ^ (b >>> 13);
    b = Math.imul((this.c + w) | 0, 0x27d4eb2d);
    this.c = (b ^ (b >>> 15)) + 0x165667b1;
  }

  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
    this.word(0xffffffff); // end of a string: "ab"+"c" ≠ "a"+"bc"
  }

  number(v: number): void {
    if (Number.isNaN(v)) {
      // An empty cell: a marker no finite number has.
      this.word(0x7ff80001);
      this.word(0x7ff80001);
      return;
    }
    f64[0] = v === 0 ? 0 : v; // -0 and 0 read the same
    this.word(words[0] as number);
    this.word(words[1] as number);
  }

  key(): string {
    const fin = (h: number): number => {
      let x = h ^ (h >>> 16);
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      return (x ^ (x >>> 16)) >>> 0;
    };
    // Hot (one key per data row): six UTF-16 code units, not three base-36 texts joined.
    const a = fin(this.a);
    const b = fin(this.b);
    const c = fin(this.c);
    return String.fromCharCode(a & 0xffff, a >>> 16, b & 0xffff, b >>> 16, c & 0xffff, c >>> 16);
  }
}

export interface RowIdentity {
  date: string;
  /** The row's mapped numbers (NaN for an empty cell). */
  values: ArrayLike<number>;
  /** Dimension values (载体, 时段, 抖音号 …) in column order. */
  dims: readonly string[];
}

export class Fingerprints {
  private readonly first = new Map<string, number>();

  /** The index of an earlier identical row, or undefined (and this row is remembered as `index`). */
  repeats(row: RowIdentity, index: number): number | undefined {
    const h = new Hash3();
    h.text(row.date);
    for (let k = 0; k < row.values.length; k++) h.number(row.values[k] as number);
    for (const d of row.dims) h.text(d);
    const key = h.key();
    const prev = this.first.get(key);
    if (prev !== undefined) return prev;
    this.first.set(key, index);
    return undefined;
  }
}
