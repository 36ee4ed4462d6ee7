// "Done" and "later" for agenda items that the data alone cannot clear (see DismissalRow).
import { z } from 'zod';
import { SUGGESTION_KINDS } from '../core';
import { IsoDaySchema, compact, validate } from '../model';
import { guardWrite } from './errors';
import type { DismissalRow, KundennahDB } from './database';

const DismissalSchema = z.object({
  id: z.string().min(1),
  contactId: z.string().min(1),
  kind: z.enum(SUGGESTION_KINDS),
  due: IsoDaySchema,
  until: IsoDaySchema.optional(),
  at: z.string().min(1),
});

export async function saveDismissal(
  db: KundennahDB,
  row: Omit<DismissalRow, 'id'>,
): Promise<DismissalRow> {
  const valid = validate(
    DismissalSchema,
    { ...row, id: `${row.contactId}:${row.kind}` },
    'dismissal',
  );
  const clean: DismissalRow = compact(valid);
  await guardWrite(() => db.dismissals.put(clean));
  return clean;
}

export async function removeDismissal(
  db: KundennahDB,
  id: string,
): Promise<DismissalRow | undefined> {
  return guardWrite(() =>
    db.transaction('rw', db.dismissals, async () => {
      const row = await db.dismissals.get(id);
      if (row) await db.dismissals.delete(id);
      return row;
    }),
  );
}
