// Writes public/THIRD-PARTY-NOTICES.txt, which both builds ship: the holiday data's attribution
// (CC BY-SA 3.0) and, for every package of the production dependency tree, its licence text with
// its copyright notice as the package ships it. Run it after a dependency changes:
//   npx tsx tests/tools/notices.ts
// tests/e2e/release.spec.ts fails while a production package is missing from the built file.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const NOTICES = 'public/THIRD-PARTY-NOTICES.txt';

interface Pkg {
  name: string;
  version: string;
  license?: string;
  homepage?: string;
}

/** Every package of the production dependency tree, by name, with its folder. */
export function productionPackages(): (Pkg & { dir: string })[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    encoding: 'utf8',
  });
  const dirs = [...new Set(out.split('\n').filter((p) => p.includes('/node_modules/')))];
  return dirs
    .map((dir) => ({
      dir,
      pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Pkg,
    }))
    .sort((a, b) => a.pkg.name.localeCompare(b.pkg.name))
    .filter((e, i, all) => i === 0 || all[i - 1]!.pkg.name !== e.pkg.name)
    .map((e) => ({ ...e.pkg, dir: e.dir }));
}

/** The line that names a package in the notices. */
export const packageLine = (p: Pkg) => `${p.name} ${p.version} — ${p.license ?? 'no licence'}`;

const HEAD = `Kundennah — third-party notices

Kundennah ships code and data of the projects below, each under its own licence; each project's
licence text with its copyright notice follows, as its package ships it.

Holiday data
  The public holidays of Germany, Austria and Switzerland (lib/core/holiday-data.ts) are adapted
  from date-holidays by commenthol (https://github.com/commenthol/date-holidays), picked to those
  three countries, which draws on Wikipedia:
    https://de.wikipedia.org/wiki/Feiertage_in_Deutschland
    https://de.wikipedia.org/wiki/Feiertage_in_%C3%96sterreich
    https://fr.wikipedia.org/wiki/Jours_f%C3%A9ri%C3%A9s_en_Suisse
    https://de.wikipedia.org/wiki/Feiertage_in_der_Schweiz
  Licence: CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/
  The adapted data is shared under the same licence.

Code
`;

function licenceText(dir: string, declared: string | undefined): string {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  return file
    ? readFileSync(join(dir, file), 'utf8').trim()
    : `(no licence file in the package; declared licence: ${declared})`;
}

function main() {
  const parts = [HEAD];
  for (const p of productionPackages()) {
    parts.push(
      `\n${'='.repeat(100)}\n${packageLine(p)}\n${(p.homepage ?? '').replace(/#readme$/, '')}\n` +
        `${'-'.repeat(100)}\n${licenceText(p.dir, p.license)}\n`,
    );
  }
  writeFileSync(NOTICES, parts.join(''));
  console.log(`${NOTICES} written`);
}

if (process.argv[1]?.endsWith('notices.ts')) main();
