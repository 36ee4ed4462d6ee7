// The order of names (PRODUCT.md "Agenda": `Intl.Collator(locale)`, base sensitivity), with a fast
// text key that orders like the collator for the common names, so that an agenda of 20,000 items
// compares most names without ICU.

/** The collator of name order (build one per sort, not per comparison). */
export function nameCollator(locale: string): Intl.Collator {
  return new Intl.Collator(locale, { sensitivity: 'base' });
}

const SAFE_KEY = /^[a-z0-9 ]*$/;
const MARKS = /[\u0300-\u036f]/g;

// Lower-case Latin-1 letters at primary strength in the root collation: accented letters are their
// base letter, ß is "ss"; æ, ð, ø, þ are letters of their own and ÷ is a symbol (no key for those).
const LATIN1: Record<string, string> = {};
'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ'
  .split('')
  .forEach((ch) => (LATIN1[ch] = ch.normalize('NFD').charAt(0)));
LATIN1['ß'] = 'ss';
const LATIN1_RE = /[\u00df-\u00ff]/g;

// The punctuation of names ("Dr. Anna Weiß", "Karl-Heinz", "O'Brien", "Müller, Hans"). The root
// collation does not ignore punctuation: each mark has a primary weight of its own, above the space
// and below the digits, in the order - , . ' — so the key gives them codes between space (0x20) and
// "0" (0x30) in that order.
const PUNCTUATION: Record<string, string> = { '-': '!', ',': '"', '.': '#', "'": '$' };
const PUNCTUATION_RE = /[-,.']/g;

/**
 * A text key that orders like `nameCollator` (base sensitivity, de/en = the root collation) for
 * names made of letters, digits, spaces and the punctuation above: case and accents fold away
 * (ä → a, é → e, ß → ss) and what remains sorts space < punctuation < digits < letters, as the code
 * units of the key do. Null for anything else (other symbols, æ, other scripts): those pairs go to
 * the collator. An agenda of 20,000 items compares names tens of thousands of times; comparing two
 * strings is far cheaper than ICU.
 */
export function collationKey(name: string): string | null {
  const lower = name.toLowerCase();
  let latin = false;
  let other = false;
  let marks = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 32) continue;
    if (c === 45 || c === 44 || c === 46 || c === 39) marks = true;
    else if (c >= 0xdf && c <= 0xff) latin = true;
    else if (c < 0x100)
      return null; // other punctuation and symbols: left to the collator
    else other = true;
  }
  let k = lower;
  if (other) {
    // Beyond Latin-1: fold by decomposition (ć → c), else leave it to the collator. Decomposition
    // could turn a character into punctuation, so names with both are left to the collator too.
    if (marks) return null;
    k = lower.normalize('NFD').replace(MARKS, '').replace(/ß/g, 'ss');
    return SAFE_KEY.test(k) ? k : null;
  }
  if (latin) {
    let unknown = false;
    k = lower.replace(LATIN1_RE, (ch) => {
      const m = LATIN1[ch];
      if (m === undefined) unknown = true;
      return m ?? '';
    });
    if (unknown) return null;
  }
  return marks ? k.replace(PUNCTUATION_RE, (ch) => PUNCTUATION[ch] as string) : k;
}

/** Compare two names exactly like `nameCollator(locale)`, by key where both have one. */
export function compareNames(
  a: string,
  ka: string | null,
  b: string,
  kb: string | null,
  collator: Intl.Collator,
): number {
  if (a === b) return 0;
  if (ka !== null && kb !== null) return ka < kb ? -1 : ka > kb ? 1 : 0;
  return collator.compare(a, b);
}

/**
 * A key for an index in name order: `collationKey`, or for names it has no key for the folded name
 * (those sort after the letters by code unit; a full sort with the collator puts them right).
 */
export function nameSortKey(name: string): string {
  return collationKey(name) ?? name.toLowerCase();
}
