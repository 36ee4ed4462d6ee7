// What the firm's server enforces on every space database (docs/sync.md): the design document
// Kundennah's setup writes into each space, with a `validate_doc_update` that refuses any document
// Kundennah would not write — a name outside `<table>:<id>`, a table that does not sync, a document
// of another space, a row that is not the row its name says, a version claiming another author.
// Database members are still checked by CouchDB itself (`_security`); this checks what they write.
import { SYNCED_TABLE_NAMES } from './docs';

export const DESIGN_DOC_ID = '_design/kundennah';

/**
 * The function's source for one space, as CouchDB runs it (plain ES5: CouchDB 3's engine is
 * SpiderMonkey 1.8.5 or QuickJS). The space is written into it rather than read from
 * `userCtx.db`, which not every CouchDB-compatible server fills. The list of tables comes from
 * lib/sync/docs.ts.
 */
export const validateDocUpdate = (space: string): string => `function (newDoc, oldDoc, userCtx) {
  var tables = ${JSON.stringify(SYNCED_TABLE_NAMES)};
  var space = ${JSON.stringify(space)};
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  function refuse(why) { throw { forbidden: why }; }
  var at = newDoc._id.indexOf(':');
  if (at <= 0) refuse('not a Kundennah document');
  var table = newDoc._id.slice(0, at);
  var id = newDoc._id.slice(at + 1);
  if (tables.indexOf(table) === -1 || id === '') refuse('not a synced table');
  if (newDoc.table !== table) refuse('table does not match the name');
  if (newDoc.space !== space) refuse('document of another space');
  if (newDoc.by !== undefined && newDoc.by !== userCtx.name) refuse('written as someone else');
  if (newDoc._deleted) {
    // A deletion says when it was made; a losing version of a conflict is removed as superseded.
    if (typeof newDoc.deletedAt !== 'string' && newDoc.superseded !== true)
      refuse('deletion without its time');
    return;
  }
  if (typeof newDoc.row !== 'object' || newDoc.row === null || newDoc.row.id !== id)
    refuse('row does not match the name');
}`;

/** The design document of a space. */
export const designDoc = (space: string) => ({
  _id: DESIGN_DOC_ID,
  language: 'javascript',
  validate_doc_update: validateDocUpdate(space),
});
