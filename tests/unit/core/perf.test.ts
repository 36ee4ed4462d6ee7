// @vitest-environment node
// A guard against accidental slowness, not the benchmark: the budgets (agenda ≤ 100 ms, tiers ≤ 50 ms
// for 10,000 contacts and 200,000 interactions in Node) are measured by the project's bench run.
// Here the limits are four times the budget so that a busy test machine does not fail the suite,
// while a return to quadratic work or per-record Intl calls still does.
import { describe, expect, it } from 'vitest';
import { buildAgenda, computeTiers } from '@/lib/core';
import { bigData, settings } from './fixtures';

const NOW = new Date('2026-03-15T10:00:00Z');

function medianMs(fn: () => unknown, runs: number): number {
  fn(); // warm up: compile, fill the zone caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

describe('speed with 10,000 contacts', () => {
  const data = JSON.parse(JSON.stringify(bigData(NOW))) as ReturnType<typeof bigData>;
  const s = settings({ timeZone: 'Europe/Berlin' });

  it('computeTiers stays far from quadratic', () => {
    expect(medianMs(() => computeTiers(data, s, NOW), 5)).toBeLessThan(200);
  });

  it('buildAgenda stays far from quadratic', () => {
    expect(medianMs(() => buildAgenda(data, s, NOW), 5)).toBeLessThan(400);
  });

  it('the data set has the size of the budget', () => {
    expect(data).toHaveLength(10_000);
    expect(data.reduce((n, h) => n + h.interactions.length, 0)).toBe(200_000);
  });
});
