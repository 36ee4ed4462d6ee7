// Conventions of the whole project as assertions (STYLE.md: "conventions checked by a test instead of
// prose"). Components are React only, props in and events out: the data hooks and writes they call
// live in lib/ui (ARCHITECTURE.md), so no component reads or writes the database itself. The unit
// tests mirror the house: tests/unit/<path> tests lib/<path> (components/<path>, tests/support).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const DB = join(ROOT, 'lib', 'db');

function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

/** Comments removed, so that prose about the database does not count as code. */
const code = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

interface ImportStatement {
  spec: string;
  /** `import type { … }`, or every imported name marked `type`: erased when compiled. */
  typeOnly: boolean;
}

function importsOf(text: string): ImportStatement[] {
  const out: ImportStatement[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) {
    const clause = (m[3] ?? '').trim();
    const names = /^\{([\s\S]*)\}$/.exec(clause)?.[1];
    const typeOnly =
      m[2] !== undefined ||
      (names !== undefined &&
        names
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean)
          .every((n) => n.startsWith('type ')));
    out.push({ spec: m[4] as string, typeOnly });
  }
  // Side-effect imports and dynamic imports load the module at run time.
  for (const m of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm))
    out.push({ spec: m[1] as string, typeOnly: false });
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    out.push({ spec: m[1] as string, typeOnly: false });
  return out;
}

/** Where a relative or `@/` specifier points (a path without extension), else the package name. */
function target(file: string, spec: string): string {
  if (spec.startsWith('@/')) return join(ROOT, spec.slice(2));
  if (spec.startsWith('.')) return resolve(dirname(file), spec);
  return spec;
}

const isDatabase = (path: string) => path === DB || path.startsWith(`${DB}/`);
const isDexie = (path: string) => /^dexie(-react-hooks)?(\/|$)/.test(path);

describe('components hold no database access', () => {
  const components = filesUnder(join(ROOT, 'components'), /\.tsx?$/);

  it('has components to check', () => {
    expect(components.length).toBeGreaterThan(20);
  });

  it.each(components.map((f) => relative(ROOT, f)))(
    '%s imports nothing from lib/db or Dexie at run time and never calls getDb',
    (file) => {
      const text = code(readFileSync(join(ROOT, file), 'utf8'));
      const offending = importsOf(text)
        .filter((i) => !i.typeOnly)
        .map((i) => ({ spec: i.spec, to: target(join(ROOT, file), i.spec) }))
        .filter((i) => isDatabase(i.to) || isDexie(i.to))
        .map((i) => i.spec);
      expect(offending).toEqual([]);
      expect(text).not.toMatch(/\bgetDb\b/);
    },
  );
});

describe('the check itself', () => {
  const file = join(ROOT, 'components', 'example.tsx');
  const flagged = (source: string) =>
    importsOf(source)
      .filter((i) => !i.typeOnly)
      .map((i) => target(file, i.spec))
      .filter((t) => isDatabase(t) || isDexie(t)).length > 0;

  it.each([
    ["import { getDb } from '@/lib/db';", true],
    ["import { saveRecord, type SummaryRow } from '@/lib/db';", true],
    ["import { pairId } from '../lib/db/merge';", true],
    ["import { useLiveQuery } from 'dexie-react-hooks';", true],
    ["export { getDb } from '@/lib/db';", true],
    ["import type { SummaryRow } from '@/lib/db';", false],
    ["import { type SummaryRow, type AgendaRow } from '@/lib/db';", false],
    ["import { useAgenda } from '@/lib/ui/popup/data';", false],
    ["import { dbName } from '@/lib/dbx';", false],
  ] as const)('%s → flagged: %s', (source, expected) => {
    expect(flagged(source)).toBe(expected);
  });
});

describe('tests/unit mirrors the project', () => {
  const UNIT = join(ROOT, 'tests', 'unit');
  const folders = (dir: string): string[] =>
    readdirSync(dir)
      .filter((name) => statSync(join(dir, name)).isDirectory())
      .flatMap((name) => [join(dir, name), ...folders(join(dir, name))]);

  it.each(folders(UNIT).map((f) => relative(UNIT, f)))(
    'tests/unit/%s is named after the folder it tests',
    (folder) => {
      const tested = folder.startsWith('components')
        ? join(ROOT, folder)
        : folder.startsWith('support')
          ? join(ROOT, 'tests', folder)
          : join(ROOT, 'lib', folder);
      expect(existsSync(tested) && statSync(tested).isDirectory()).toBe(true);
    },
  );
});

describe('every extension page starts under an error boundary', () => {
  const ENTRYPOINTS = join(ROOT, 'entrypoints');
  const pages = readdirSync(ENTRYPOINTS).filter((name) =>
    existsSync(join(ENTRYPOINTS, name, 'index.html')),
  );

  it('has pages to check', () => {
    expect(pages).toEqual(expect.arrayContaining(['options', 'panel', 'popup', 'sidepanel']));
  });

  it.each(pages)('%s renders through renderPage (components/PageRoot.tsx)', (page) => {
    const main = code(readFileSync(join(ENTRYPOINTS, page, 'main.tsx'), 'utf8'));
    expect(main).toMatch(/\brenderPage\(/);
    expect(main).not.toMatch(/\bcreateRoot\(/);
  });
});
