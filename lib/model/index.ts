export * from './schemas';
export * from './validation';
export * from './errors';
export * from './dates';
export * from './profile-url';
export type { ContactDraft } from './draft';
export { ContactDraftSchema } from './draft';
export * from './after-call';
