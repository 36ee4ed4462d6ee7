// Participants of a thread: the signed-in user removed, de-duplicated by e-mail, in order of
// appearance (ARCHITECTURE.md contract). Pure data in, data out.
import type { Person } from './page-context';

/** What we know about the signed-in user; everything lower-cased. */
export interface Me {
  emails: Set<string>;
  names: Set<string>;
}

export function emptyMe(): Me {
  return { emails: new Set(), names: new Set() };
}

const key = (value: string | undefined): string => (value ?? '').trim().toLowerCase();

/**
 * Candidates arrive in document order, often several per person (avatar, sender, "to" line).
 * A candidate with only a name merges with a later one of the same name that has an address.
 */
export function participants(candidates: readonly Person[], me: Me): Person[] {
  // The user's own messages name them: learn those names so their name-only mentions drop out too.
  const myNames = new Set(me.names);
  for (const c of candidates) {
    if (c.email && me.emails.has(key(c.email)) && c.name) myNames.add(key(c.name));
  }
  const isMe = (c: Person): boolean =>
    (c.email !== undefined && me.emails.has(key(c.email))) ||
    (c.name !== undefined && myNames.has(key(c.name)));

  const out: Person[] = [];
  const byEmail = new Map<string, Person>();
  const byName = new Map<string, Person>();
  for (const c of candidates) {
    if ((!c.email && !c.name) || isMe(c)) continue;
    const email = key(c.email);
    const name = key(c.name);
    if (email) {
      const known = byEmail.get(email);
      if (known) {
        if (!known.name && c.name) known.name = c.name;
        continue;
      }
      const nameOnly = name ? byName.get(name) : undefined;
      if (nameOnly && !nameOnly.email) {
        nameOnly.email = email;
        byEmail.set(email, nameOnly);
        continue;
      }
      const person: Person = c.name ? { name: c.name, email } : { email };
      out.push(person);
      byEmail.set(email, person);
      if (name && !byName.has(name)) byName.set(name, person);
    } else if (!byName.has(name)) {
      const person: Person = { name: c.name as string };
      out.push(person);
      byName.set(name, person);
    }
  }
  return out;
}

/**
 * Fallback when the account UI says nothing: the user is the address found on every message that
 * shows its addresses (sender and recipients; collapsed messages show only the sender and are
 * skipped). Only decisive when at least two such messages leave exactly one address.
 */
export function addressOnEveryMessage(messages: readonly (readonly Person[])[]): string | null {
  const sets = messages
    .map((people) => new Set(people.map((p) => key(p.email)).filter(Boolean)))
    .filter((set) => set.size >= 2);
  if (sets.length < 2) return null;
  const [head, ...rest] = sets;
  const common = [...(head ?? [])].filter((email) => rest.every((set) => set.has(email)));
  return common.length === 1 ? (common[0] ?? null) : null;
}
