import Dexie from 'dexie';
import { KundennahError, type Contact } from '../model';

/** The disk (or the browser's quota) is full; the write was rolled back. */
export class StorageFullError extends KundennahError {
  constructor(cause?: unknown) {
    super(
      'storage-full',
      'The browser has no room left to store data. Nothing was saved.',
      {},
      { cause },
    );
    this.name = 'StorageFullError';
  }
}

/** A person with the same e-mail or profile already exists. */
export class DuplicateContactError extends KundennahError {
  readonly existingIds: string[];
  constructor(existingIds: string[]) {
    super('duplicate', `This person already exists (${existingIds.join(', ')}).`);
    this.name = 'DuplicateContactError';
    this.existingIds = existingIds;
  }
}

/**
 * The contact was saved elsewhere (the panel, another tab) after the editor read it: nothing was
 * written. `current` is the stored contact, for merging the editor's changes into it (issue 15).
 */
export class ChangedMeanwhileError extends KundennahError {
  readonly current: Contact;
  constructor(current: Contact) {
    super('changed-meanwhile', `Contact ${current.id} was changed meanwhile.`, { id: current.id });
    this.name = 'ChangedMeanwhileError';
    this.current = current;
  }
}

export class NotFoundError extends KundennahError {
  constructor(what: string, id: string) {
    super('not-found', `${what} ${id} does not exist.`, { what, id });
    this.name = 'NotFoundError';
  }
}

function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const name = (e as { name?: string }).name;
  if (name === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded) return true;
  // A really full disk: Chromium reports "UnknownError … FILE_ERROR_NO_SPACE" instead.
  const message = (e as { message?: string }).message ?? '';
  if (/FILE_ERROR_NO_SPACE|no space left/i.test(message)) return true;
  const inner = (e as { inner?: unknown }).inner;
  return inner !== undefined && inner !== e && isQuotaError(inner);
}

/** Run a write and turn the browser's quota error into one message a user understands. */
export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isQuotaError(e)) throw new StorageFullError(e);
    throw ownError(e) ?? e;
  }
}

/**
 * Our own error, also when Dexie wrapped it: an error thrown in a transaction whose name is one of
 * Dexie's own ("NotFoundError") comes back as Dexie's error of that name, the original inside.
 */
function ownError(e: unknown): KundennahError | undefined {
  for (let at = e, depth = 0; at && typeof at === 'object' && depth < 5; depth++) {
    if (at instanceof KundennahError) return at;
    at = (at as { inner?: unknown }).inner;
  }
  return undefined;
}
