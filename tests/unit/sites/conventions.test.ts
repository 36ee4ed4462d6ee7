// The conventions of lib/sites as assertions (STYLE.md: "conventions checked by a test instead of
// prose"): one folder per site with selectors.ts and read.ts, dated selectors, no selectors inside
// the readers, no zod in what content scripts load, dated and documented fixtures.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { build as esbuildBuild } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { READERS } from '@/lib/sites';
import { FIXTURES } from './fixtures';
import { FIXTURES_DIR } from './helpers';

const ROOT = resolve(__dirname, '..', '..', '..');
const SITES_DIR = join(ROOT, 'lib', 'sites');
const SITES = readdirSync(SITES_DIR).filter((name) =>
  statSync(join(SITES_DIR, name)).isDirectory(),
);
const read = (path: string) => readFileSync(path, 'utf8');

describe('one adapter per site', () => {
  it('the site folders are exactly the sites readPage dispatches to', () => {
    expect(SITES.sort()).toEqual(Object.keys(READERS).sort());
  });

  it.each(SITES)('%s has selectors.ts and read.ts', (site) => {
    expect(existsSync(join(SITES_DIR, site, 'selectors.ts'))).toBe(true);
    expect(existsSync(join(SITES_DIR, site, 'read.ts'))).toBe(true);
  });

  it.each(SITES)(
    '%s: every selector is dated ("seen YYYY") on its line or at the head of its list',
    (site) => {
      const lines = read(join(SITES_DIR, site, 'selectors.ts')).split('\n');
      const undated: string[] = [];
      lines.forEach((line, index) => {
        const isSelector =
          /^\s*['"]/.test(line) || // a list entry
          /^\s*\/(?![*/])/.test(line) || // a regular expression on its own line
          /^export const \w+ = \[.*\]/.test(line) || // a one-line list
          /[=:]\s*\/(?![*/]).*\/[gimsuy]*[,;]?\s*(\/\/.*)?$/.test(line); // an inline regular expression
        if (!isSelector) return;
        // Dated on its own line, or by a comment (or the opening line) heading its list.
        for (let i = index; i >= 0; i--) {
          const scanned = lines[i] as string;
          const opens = /[[{]\s*(\/\/.*)?$/.test(scanned);
          const heads = i === index || opens || /^\s*\/\//.test(scanned);
          if (heads && /seen \d{4}/.test(scanned)) return;
          if (i < index && opens) break;
        }
        undated.push(`${index + 1}: ${line.trim()}`);
      });
      expect(undated).toEqual([]);
    },
  );

  const readers = [
    ...SITES.map((s) => join(SITES_DIR, s, 'read.ts')),
    join(SITES_DIR, 'profile.ts'),
  ];
  it.each(readers.map((p) => relative(ROOT, p)))(
    '%s holds no selectors (they live in selectors.ts)',
    (file) => {
      const source = read(join(ROOT, file));
      expect(source).not.toMatch(/\.(?:querySelector|querySelectorAll|closest|matches)\(\s*['"`]/);
      expect(source).not.toMatch(/\b(?:first|all|union|within)\([^)]*\[\s*['"`]/);
    },
  );
});

/** Relative imports of a module, resolved to files. */
function importsOf(file: string): string[] {
  const out: string[] = [];
  for (const match of read(file).matchAll(
    /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm,
  )) {
    const spec = match[1] as string;
    if (!spec.startsWith('.') && !spec.startsWith('@/')) {
      out.push(spec);
      continue;
    }
    const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : resolve(dirname(file), spec);
    const candidates = [`${base}.ts`, join(base, 'index.ts'), base];
    out.push(candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base);
  }
  return out;
}

function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.ts')) queue.push(...importsOf(file));
  }
  return seen;
}

describe('what content scripts load', () => {
  it.each(SITES)(
    '%s/read.ts pulls in no zod, no schema, no index and no package at all',
    (site) => {
      const files = [...closure(join(SITES_DIR, site, 'read.ts'))];
      const packages = files.filter((f) => !f.startsWith('/'));
      expect(packages).toEqual([]);
      expect(files.map((f) => relative(ROOT, f))).not.toContain('lib/sites/page-context-schema.ts');
      expect(files.map((f) => relative(ROOT, f))).not.toContain('lib/sites/index.ts');
      expect(files.map((f) => relative(ROOT, f))).not.toContain('lib/model/index.ts');
    },
  );

  it('only page-context-schema.ts imports zod', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (
          name.endsWith('.ts') &&
          name !== 'page-context-schema.ts' &&
          /from ['"]zod['"]/.test(read(path))
        )
          offenders.push(name);
      }
    };
    walk(SITES_DIR);
    expect(offenders).toEqual([]);
  });

  it('each reader stays small once bundled and minified (the content-script budget is 20 KB)', async () => {
    let build: typeof esbuildBuild;
    try {
      ({ build } = await import('esbuild'));
    } catch {
      return; // the bundler is a build-time dependency; without it there is nothing to measure
    }
    const bundle = async (options: Parameters<typeof esbuildBuild>[0]) => {
      const result = await build({
        bundle: true,
        minify: true,
        write: false,
        format: 'esm',
        platform: 'browser',
        logLevel: 'silent',
        ...options,
      });
      return result.outputFiles?.[0]?.text ?? '';
    };
    for (const site of SITES) {
      const code = await bundle({ entryPoints: [join(SITES_DIR, site, 'read.ts')] });
      expect(code.length, site).toBeLessThan(7 * 1024);
    }
    // readPage through the index (which re-exports the zod schema) leaves zod out as well.
    const viaIndex = await bundle({
      stdin: {
        contents:
          "import { readPage } from './lib/sites/index.ts'; globalThis.readPage = readPage;",
        resolveDir: ROOT,
        loader: 'ts',
      },
    });
    expect(viaIndex.length).toBeLessThan(20 * 1024);
    expect(viaIndex).not.toContain('ZodObject');
  });
});

describe('fixtures', () => {
  const files = SITES.flatMap((site) =>
    existsSync(join(FIXTURES_DIR, site))
      ? readdirSync(join(FIXTURES_DIR, site))
          .filter((f) => f.endsWith('.html'))
          .map((f) => `${site}/${f}`)
      : [],
  );
  const readme = read(join(FIXTURES_DIR, 'README.md'));

  it('every site has fixtures', () => {
    for (const site of SITES)
      expect(
        files.some((f) => f.startsWith(`${site}/`)),
        site,
      ).toBe(true);
  });

  it.each(files)(
    '%s is dated, listed with its expected result, and described in the README',
    (file) => {
      expect(file).toMatch(/^[a-z]+\/\d{4}-\d{2}-[a-z0-9-]+\.html$/);
      expect(FIXTURES.map((f) => f.file)).toContain(file);
      expect(readme).toContain(file);
    },
  );

  it.each(files)('%s is a standalone, inert page (no scripts to run, nothing fetched)', (file) => {
    const html = read(join(FIXTURES_DIR, file));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const script of html.match(/<script\b[^>]*>/g) ?? [])
      expect(script).toContain('application/ld+json');
    expect(html).not.toMatch(/\s(?:src|srcset)="https?:/);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
    expect(html).not.toMatch(/\son[a-z]+="/);
  });
});
