// The core is pure (ARCHITECTURE.md, STYLE.md): no browser, database or UI code, and no clock.
// This reads the sources, so the convention is checked, not just written down.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = resolve(__dirname, '../../../lib/core');
const files = readdirSync(CORE).filter((f) => f.endsWith('.ts'));
const sources = files.map((f) => ({ file: f, text: readFileSync(join(CORE, f), 'utf8') }));

function specifiers(text: string): string[] {
  const out: string[] = [];
  const re =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3]) as string);
  return out;
}

function code(text: string): string {
  // Drop comments so that a rule quoted in prose does not count as code.
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('lib/core stays pure', () => {
  it('has sources to check', () => {
    expect(files).toContain('index.ts');
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(sources)(
    '$file imports nothing from dexie, wxt, webextension-polyfill, react or lib/db',
    ({ text }) => {
      for (const spec of specifiers(text)) {
        expect(spec).not.toMatch(/^(dexie|wxt|webextension-polyfill|react|react-dom)(\/|$)/);
        expect(spec).not.toMatch(/(^|\/)db(\/|$)/);
        // Only the core itself, the model and Node-free standard code.
        expect(spec).toMatch(/^\.\/|^\.\.\/model(\/|$)/);
      }
    },
  );

  it.each(sources)('$file reads no clock and touches no browser API', ({ text }) => {
    const c = code(text);
    expect(c).not.toMatch(/new\s+Date\s*\(\s*\)/);
    expect(c).not.toMatch(/Date\.now\s*\(/);
    expect(c).not.toMatch(/\b(chrome|browser|indexedDB|localStorage|window|document)\./);
  });
});
