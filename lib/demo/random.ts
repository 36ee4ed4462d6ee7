// A tiny seeded pseudo-random generator (mulberry32) and what the generators draw from it.
// Deterministic: the same seed gives the same sequence on every platform.

export const DEFAULT_SEED = 20_240_229;

/** Mixes a seed and a stream name into a 32-bit seed, so that independent streams (ids, content)
 * do not shift each other when one of them draws more numbers. */
export function deriveSeed(seed: number, stream: string): number {
  let h = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < stream.length; i++) {
    h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return (
    HEX[(n >>> 24) & 0xff]! + HEX[(n >>> 16) & 0xff]! + HEX[(n >>> 8) & 0xff]! + HEX[n & 0xff]!
  );
}

const DASH = 45;
const HEX_CODES: number[] = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
/** 36 character codes with dashes at 8, 13, 18 and 23; the others are overwritten per id. */
const UUID_CODES: number[] = Array.from({ length: 36 }, (_, i) =>
  i === 8 || i === 13 || i === 18 || i === 23 ? DASH : 48,
);

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform 32-bit unsigned integer (mulberry32). */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Up to `n` distinct items in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = items.slice();
    const k = Math.min(n, copy.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = copy[i]!;
      copy[i] = copy[j]!;
      copy[j] = tmp;
    }
    return copy.slice(0, k);
  }

  /** Index drawn by weight (linear; for short lists). */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Pareto(xm, alpha): heavy-tailed, mean xm·alpha/(alpha-1) for alpha > 1. */
  pareto(xm: number, alpha: number): number {
    return xm / Math.pow(1 - this.next(), 1 / alpha);
  }

  /** A `crypto.randomUUID()`-shaped string (UUID version 4, RFC 4122 variant). */
  uuid(): string {
    // Built from character codes in one step: a flat string, not a tree of concatenations
    // (hundreds of thousands of ids are kept in memory by the bench set).
    const codes = UUID_CODES;
    let pos = 0;
    for (let word = 0; word < 4; word++) {
      const w = this.u32();
      for (let shift = 28; shift >= 0; shift -= 4) {
        while (codes[pos] === DASH) pos++;
        codes[pos++] = HEX_CODES[(w >>> shift) & 15]!;
      }
    }
    codes[14] = HEX_CODES[4]!; // version 4
    codes[19] = HEX_CODES[8 | (HEX_CODES.indexOf(codes[19]!) & 3)]!; // variant 10xx
    return String.fromCharCode.apply(null, codes);
  }

  /** `n` lower-case hex digits (thread ids, profile slugs). */
  hex(n: number): string {
    let s = '';
    while (s.length < n) s += hex32(this.u32());
    return s.slice(0, n);
  }
}
