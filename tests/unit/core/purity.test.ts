// The core is pure (ARCHITECTURE.md, STYLE.md): no browser, database or UI code, and no clock.
// This reads the sources, so the convention is checked, not just written down.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
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
    '$file imports nothing but the core, the model and the two rule libraries',
    ({ text }) => {
      for (const spec of specifiers(text)) {
        expect(spec).not.toMatch(/^(dexie|wxt|webextension-polyfill|react|react-dom)(\/|$)/);
        expect(spec).not.toMatch(/(^|\/)db(\/|$)/);
        // Only the core itself, the model, the words (lib/i18n, pure as well) and the public-holiday
        // rules engine (workdays.ts: a well-kept library instead of a hand-made list of holidays)
        // and the German Snowball stemmer (match.ts: stems instead of hand-made suffix rules).
        expect(spec).toMatch(
          /^\.\/|^\.\.\/(model|i18n)(\/|$)|^date-holidays-parser$|^@nlpjs\/lang-de\/src\/stemmer-de\.js$/,
        );
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

// No module-level mutable state (issue: a core that is safe to edit): results are returned, and a
// cache belongs to an object a computation owns (a `Zone`, a context), never to a module.
const MUTABLE_CONTAINERS =
  /^(Map|WeakMap|Set|WeakSet|Array|Int8Array|Uint8Array|Int16Array|Uint16Array|Int32Array|Uint32Array|Float32Array|Float64Array)$/;

function moduleState(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const names = list.declarations.map((d) => d.name.getText(source)).join(', ');
    if (!(list.flags & ts.NodeFlags.Const)) {
      found.push(`${names}: a top-level let/var`);
      continue;
    }
    for (const d of list.declarations) {
      const init = d.initializer;
      if (!init || !ts.isNewExpression(init) || !ts.isIdentifier(init.expression)) continue;
      if (!MUTABLE_CONTAINERS.test(init.expression.text)) continue;
      // A lookup table filled once is fine when its type says nobody changes it.
      if (d.type && /^Readonly/.test(d.type.getText(source))) continue;
      found.push(`${d.name.getText(source)}: a module-level ${init.expression.text}`);
    }
  }
  return found;
}

describe('lib/core keeps no state in its modules', () => {
  it.each(sources)('$file has no top-level let/var and no module-level cache', ({ file, text }) => {
    expect(moduleState(file, text)).toEqual([]);
  });

  it('the check finds what it forbids', () => {
    expect(
      moduleState(
        'x.ts',
        'let a = 1;\nconst m = new Map();\nconst s: ReadonlySet<string> = new Set();\nvar b;',
      ),
    ).toEqual(['a: a top-level let/var', 'm: a module-level Map', 'b: a top-level let/var']);
  });
});
