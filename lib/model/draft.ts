import { z } from 'zod';
import { DayOfYearSchema } from './schemas';

/** A person as an import or a page knows them, before they become a Contact
 * (ARCHITECTURE.md, `parseContactsFile`). */
export const ContactDraftSchema = z.object({
  name: z.string().trim().min(1),
  emails: z.array(z.string()),
  company: z.string().optional(),
  position: z.string().optional(),
  birthday: DayOfYearSchema.optional(),
  profileUrls: z.array(z.string()).optional(),
  phones: z.array(z.string()).optional(),
  /** Who recommended the person, as the file names them (a name or an e-mail address). */
  referredBy: z.string().optional(),
});
export type ContactDraft = z.infer<typeof ContactDraftSchema>;
