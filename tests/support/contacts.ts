// A stored contact with every required field, for tests that write to the database.
import type { Contact } from '@/lib/model';

/** A valid contact named `Person <id>`, created and updated on 1 January 2025; `fields` override. */
export function contact(id: string, fields: Partial<Contact> = {}): Contact {
  return {
    id,
    name: `Person ${id}`,
    emails: [],
    phones: [],
    profileUrls: [],
    status: 'active',
    preferredChannels: [],
    interests: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...fields,
  };
}
