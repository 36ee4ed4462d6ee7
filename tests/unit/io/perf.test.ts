import { describe, expect, it } from 'vitest';
import { parseContactsFile } from '@/lib/io';
import { generateLinkedInCsv, generateVCards } from '../../fixtures/io/generate';

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

describe('parse performance (10,000 entries, budget 1 s; the import with dedupe has 3 s)', () => {
  it('reads a 10,000-row LinkedIn CSV', () => {
    const csv = generateLinkedInCsv(10_000);
    const { result, ms } = timed(() => parseContactsFile(csv, 'Connections.csv'));
    console.info(`LinkedIn CSV, 10,000 rows: ${ms.toFixed(0)} ms`);
    expect(result.contacts).toHaveLength(10_000);
    expect(result.errors).toEqual([]);
    expect(ms).toBeLessThan(1000);
  });

  it('reads a 10,000-card vCard file', () => {
    const vcf = generateVCards(10_000);
    const { result, ms } = timed(() => parseContactsFile(vcf, 'contacts.vcf'));
    console.info(`vCard, 10,000 cards: ${ms.toFixed(0)} ms`);
    expect(result.contacts).toHaveLength(10_000);
    expect(result.errors).toEqual([]);
    expect(ms).toBeLessThan(1000);
  });
});
