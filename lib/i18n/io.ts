// Import, export and backup strings in English and German. German must have exactly the English
// keys (checked by the compiler); lib/i18n/index.ts merges the areas. `io.err.<code>` translate the
// error codes of lib/io (their params fill the placeholders).
export const en = {
  'io.title': 'Import & backup',
  'io.intro':
    'Bring your contacts in from LinkedIn, XING, Google, Outlook or Apple — and keep a backup of everything.',

  // Import: the file
  'io.import.heading': 'Import contacts',
  'io.import.formats':
    'LinkedIn Connections.csv, Google or Outlook CSV, any CSV with a header row, vCard (.vcf) from Apple, Google, Outlook, Android or XING.',
  'io.drop.label': 'Drop a contacts file here',
  'io.drop.or': 'or',
  'io.drop.choose': 'Choose file…',
  'io.drop.active': 'Release to read the file',
  'io.reading': 'Reading {name}…',
  'io.format.linkedin-csv': 'LinkedIn export (CSV)',
  'io.format.google-csv': 'Google Contacts (CSV)',
  'io.format.outlook-csv': 'Outlook (CSV)',
  'io.format.vcard': 'vCard',
  'io.format.backup-json': 'Kundennah backup (contacts only)',
  'io.format.csv': 'CSV with your column assignment',
  'io.format.unknown': 'unknown format',
  'io.file.failed': '{name} cannot be imported.',
  'io.file.other': 'Choose another file',
  'io.backupHint':
    'This is a Kundennah backup. Importing it here takes only its contacts; to bring back everything (history, promises, feedback), use “Restore a backup” below.',

  // Import: column mapping
  'io.map.heading': 'Assign the columns of {name}',
  'io.map.intro':
    'Kundennah does not know this column layout. Say which column holds what; your choice is remembered for files with the same columns.',
  'io.map.remembered': 'Your assignment from last time for these columns.',
  'io.map.column': 'Column',
  'io.map.sample': 'Example',
  'io.map.field': 'Meaning',
  'io.map.dateOrder': 'Dates like 1/2/1980 mean',
  'io.map.dmy': 'day/month/year',
  'io.map.mdy': 'month/day/year',
  'io.map.apply': 'Show preview',
  'io.field.ignore': '— leave out —',
  'io.field.name': 'Full name',
  'io.field.firstName': 'First name',
  'io.field.middleName': 'Middle name',
  'io.field.lastName': 'Last name',
  'io.field.nickname': 'Nickname',
  'io.field.email': 'E-mail',
  'io.field.phone': 'Phone',
  'io.field.company': 'Company',
  'io.field.position': 'Position',
  'io.field.birthday': 'Birthday',
  'io.field.url': 'Web address / profile',
  'io.field.referredBy': 'Recommended by (name or e-mail)',
  'io.referral.heading': 'Recommended by',
  'io.referral.linked.one': '{count} recommendation linked to the contact who made it.',
  'io.referral.linked.other': '{count} recommendations linked to the contacts who made them.',
  'io.referral.not-found': '{name}: nobody called “{text}” – imported without the recommendation.',
  'io.referral.ambiguous':
    '{name}: several contacts are called “{text}” – add the company in brackets, e.g. “{text} (Firm Ltd)”; imported without the recommendation.',
  'io.referral.self': '{name}: cannot have recommended themself – imported without it.',

  // Import: preview
  'io.preview.heading': 'Preview of {name}',
  'io.preview.detected.one': '{format} · {count} entry',
  'io.preview.detected.other': '{format} · {count} entries',
  'io.sum.new': 'new',
  'io.sum.merge': 'add to contacts you have',
  'io.sum.unchanged': 'already up to date',
  'io.sum.similar': 'similar — your decision',
  'io.sum.errors': 'problems in the file',
  'io.sum.combined': 'listed twice in the file, combined',
  'io.status.label': 'New contacts are',
  'io.new.heading': 'New contacts',
  'io.new.more': '… and {count} more',
  'io.merge.heading': 'Added to contacts you have',
  'io.merge.intro':
    'Same e-mail address or same XING/LinkedIn profile. Only what is missing is added; nothing you wrote is overwritten.',
  'io.merge.stored': 'In Kundennah',
  'io.merge.incoming': 'In the file',
  'io.merge.adds': 'Will be added',
  'io.reason.email': 'same e-mail',
  'io.reason.profile-url': 'same profile',
  'io.reason.name-company': 'similar name, same company',
  'io.similar.heading': 'Similar names at the same company',
  'io.similar.intro':
    'These may be people you already have. Decide for each: merge, or add as a new contact.',
  'io.similar.mergeWith': 'Merge with {name}',
  'io.similar.addNew': 'Add as new contact',
  'io.similar.allMerge': 'Merge all',
  'io.similar.allNew': 'Add all as new',
  'io.similar.inFile': 'earlier in this file',
  'io.similar.pending.one': 'Please decide for {count} similar entry.',
  'io.similar.pending.other': 'Please decide for {count} similar entries.',
  'io.errors.heading': 'Problems in the file',
  'io.errors.skipped.one': '{count} entry skipped',
  'io.errors.skipped.other': '{count} entries skipped',
  'io.errors.values.one': '{count} value left out',
  'io.errors.values.other': '{count} values left out',
  'io.errors.line': 'Line {line}',
  'io.showAll': 'Show all ({count})',
  'io.confirm': 'Import: {added} new, {merged} updated',
  'io.nothing': 'Nothing to import: every entry is already in Kundennah and up to date.',
  'io.importing': 'Importing…',
  'io.done': 'Imported from {name}: {added} new, {merged} updated.',
  'io.conflict':
    'Your contacts changed since the preview. Nothing was imported; please check the new preview.',
  'io.failed': 'The import failed; nothing was saved. {message}',

  // Import: recent imports and undo
  'io.batches.heading': 'Recent imports',
  'io.batches.row': '{file}: {added} new, {merged} updated',
  'io.batches.noFile': 'Import',
  'io.undo': 'Undo import',
  'io.undo.confirm':
    'Undo this import? The {added} contacts it added are removed, the {merged} contacts it updated get their earlier state back.',
  'io.undone': 'Import undone: {removed} removed, {restored} put back as they were.',
  'io.undo.kept': 'Kept because you changed them or logged something since the import: {names}.',

  // Export
  'io.export.heading': 'Export contacts',
  'io.export.all': 'All contacts ({count})',
  'io.export.selected': 'Chosen contacts ({count})',
  'io.export.search': 'Find contacts to choose',
  'io.export.noMatch': 'No contact matches.',
  'io.export.more': 'Showing {shown} of {count} matches; type more to narrow down.',
  'io.export.none': 'Choose at least one contact.',
  'io.export.vcard': 'Download vCard (.vcf)',
  'io.export.vcardHint': 'vCard 4.0: for Apple, Google, Outlook and phones.',
  'io.export.csv': 'Download CSV',
  'io.export.delimiter': 'Separator',
  'io.export.semicolon': 'semicolon (German Excel)',
  'io.export.comma': 'comma',
  'io.export.done.one': '{count} contact saved as {file}.',
  'io.export.done.other': '{count} contacts saved as {file}.',

  // Backup
  'io.backup.heading': 'Backup',
  'io.backup.why':
    'Kundennah keeps everything in this browser only. Removing the extension or clearing the browser’s data deletes it: a backup file is your only copy.',
  'io.backup.contains':
    'A backup holds every contact with its history, promises, feedback, purchases and follow-ups, your settings, the import history and your “not a duplicate” decisions.',
  'io.backup.download': 'Download backup',
  'io.backup.last': 'Last backup: {date}',
  'io.backup.never': 'No backup made yet.',
  'io.backup.done': 'Backup saved as {file}.',
  'io.auto.label': 'Every week, save a backup file into Downloads/Kundennah automatically',
  'io.auto.permission':
    'The browser asks you once to allow Kundennah to save downloads. Nothing is sent anywhere.',
  'io.auto.denied': 'Without that permission the weekly backup cannot save files. It stays off.',
  'io.auto.last': 'Last automatic backup: {date}',
  'io.auto.error': 'The last automatic backup failed: {message}',

  // Restore
  'io.restore.heading': 'Restore a backup',
  'io.restore.choose': 'Choose backup file…',
  'io.restore.drop': 'Drop a Kundennah backup file (.json) here',
  'io.restore.checking': 'Checking {name}…',
  'io.restore.checked': 'Backup of {date}, checked completely:',
  'io.restore.mode': 'How should it be restored?',
  'io.restore.replace': 'Replace everything',
  'io.restore.replaceHint':
    'Afterwards Kundennah holds exactly what the backup holds. Current data that is not in the backup is removed.',
  'io.restore.merge': 'Merge',
  'io.restore.mergeHint':
    'Records you do not have are added; of a record in both, the version changed last stays; everything else you have stays.',
  'io.restore.countReplace': '{table}: {rows} from the backup, {removing} current removed',
  'io.restore.countMerge':
    '{table}: {rows} from the backup — {adding} new, {replacing} newer than yours (replace them), {keeping} of yours stay',
  'io.restore.duplicates.one':
    '{count} contact of the backup has the same e-mail or profile as another contact you have:',
  'io.restore.duplicates.other':
    '{count} contacts of the backup have the same e-mail or profile as another contact you have:',
  'io.restore.dupRow': '{backup} (backup) and {existing} (now): {via}',
  'io.restore.dupHint': 'Both are kept; the duplicate finder can merge them afterwards.',
  'io.restore.review': 'Review duplicates',
  'io.restore.shared.one': '{count} e-mail address belongs to more than one contact in the backup:',
  'io.restore.shared.other':
    '{count} e-mail addresses belong to more than one contact in the backup:',
  'io.restore.sharedRow': '{email}: {names}',
  'io.restore.sharedHint':
    'All of them are restored; check afterwards whether they are the same person and merge them.',
  'io.restore.orphans.one':
    '{count} entry belongs to a contact that will not exist after the restore:',
  'io.restore.orphans.other':
    '{count} entries belong to contacts that will not exist after the restore:',
  'io.restore.orphanRow': '{table} “{id}”: contact “{contact}” is missing',
  'io.restore.orphansHint':
    'They are restored as they are, but shown nowhere until that contact exists again (for example from another backup, merged).',
  'io.restore.safety':
    'Also download the current data as a file first (Kundennah keeps a copy for “Undo restore” in any case)',
  'io.restore.merged':
    'Backup merged: {added} added, {updated} updated (newer in the backup), {kept} kept as you have them (yours changed last, or no date to compare), {same} the same in both.',
  'io.restore.last': 'Last restore: {when}.',
  'io.restore.lastFile': 'Last restore: {name}, {when}.',
  'io.restore.undo': 'Undo restore',
  'io.restore.undoConfirm':
    'Everything goes back to how it was before that restore. Changes made since then are removed too.',
  'io.restore.undoing': 'Undoing the restore…',
  'io.restore.undone.one': 'Restore undone: {count} record as before.',
  'io.restore.undone.other': 'Restore undone: {count} records as before.',
  'io.restore.confirm': 'Restore now',
  'io.restore.working': 'Restoring…',
  'io.restore.done.one': 'Backup restored: {count} record written.',
  'io.restore.done.other': 'Backup restored: {count} records written.',
  'io.restore.refused': '{name} cannot be restored. Nothing was changed.',
  'io.restore.ignored': 'Left out (from a newer version of Kundennah): {tables}.',
  'io.restore.failed': 'The restore failed; nothing was changed. {message}',
  'io.restore.syncOn':
    'Sync is on, so only “Merge” is offered: replacing would also delete, on your other devices and for your team, everything this backup lacks. To replace anyway, turn sync off first.',
  'io.restore.syncOnUndo':
    'Sync is on: undoing the restore would also delete, on your other devices and for your team, everything added since the restore. Turn sync off first to undo it.',
  'io.table.contacts': 'Contacts',
  'io.table.interactions': 'Contact history',
  'io.table.commitments': 'Promises',
  'io.table.feedback': 'Feedback',
  'io.table.purchases': 'Purchases',
  'io.table.followUps': 'Follow-ups',
  'io.table.settings': 'Settings',
  'io.table.notDuplicates': '“Not a duplicate” decisions',
  'io.table.occasions': 'Occasions',
  'io.table.importBatches': 'Import history',
  'io.table.meta': 'Remembered choices',
  'io.table.dismissals': 'Done/later on today’s list',

  // Reminders
  'io.remind.backupNever': 'Your data has never been backed up.',
  'io.remind.backupOld.one': 'Your data changed since the last backup, {days} day ago.',
  'io.remind.backupOld.other': 'Your data changed since the last backup, {days} days ago.',
  'io.remind.backupWhy':
    'If the extension is removed, everything in it is gone. One click keeps a copy.',
  'io.remind.backupNow': 'Back up now',
  'io.remind.backupDone': 'Backup saved as {file}.',
  'io.remind.linkedin':
    'Your last LinkedIn import was {days} days ago. LinkedIn does not sync: download a fresh Connections.csv and import it — people you have are updated, never duplicated.',
  'io.remind.linkedinHow': 'Request the file from LinkedIn',
  'io.remind.linkedinImport': 'Import it',

  // lib/io error codes
  'io.err.empty-file': 'The file is empty.',
  'io.err.unknown-format':
    'The file format was not recognised. Kundennah reads LinkedIn, Google or Outlook CSV, other CSV files with a header row, vCard files and Kundennah backups.',
  'io.err.needs-mapping':
    'This CSV file has no known column layout ({columns} columns). Please assign the columns.',
  'io.err.mapping-incomplete': 'No column is assigned to a name, a company or an e-mail address.',
  'io.err.vcard-no-cards': 'The file contains no vCard (BEGIN:VCARD).',
  'io.err.invalid-json': 'The file is not valid JSON: {detail}',
  'io.err.not-a-backup': 'This JSON file is not a Kundennah backup.',
  'io.err.backup-unsupported-version':
    'This backup has version {version}; this version of Kundennah reads version {supported}. Please update Kundennah.',
  'io.err.backup-invalid': 'The backup is damaged: {detail}',
  'io.err.backup-missing-table': 'The backup has no table “{table}”.',
  'io.err.internal-error': 'The file could not be read: {detail}',
  'io.err.unclosed-quote': 'A quoted field is not closed; the row was skipped.',
  'io.err.missing-name': 'No name and no e-mail address; the entry was skipped.',
  'io.err.vcard-unterminated': 'The vCard has no END:VCARD; it was skipped.',
  'io.err.backup-invalid-row': 'Table {table}, entry {index}, field {field}: {detail}',
  'io.err.backup-duplicate-id':
    'Table {table}, entry {index}: the id “{id}” appears more than once.',
  'io.err.backup-too-long':
    'Table {table}, entry {index}, field {field}: {length} characters, at most {max} are allowed.',
  'io.err.backup-too-many':
    'Table {table}, entry {index}, field {field}: {count} items, at most {max} are allowed.',
  'io.err.invalid-birthday': 'Not a valid birthday: “{value}”; imported without birthday.',
  'io.err.invalid-email': 'Not a valid e-mail address: “{value}”; left out.',
  'io.err.invalid-url': 'Not a web address: “{value}”; left out.',
  'io.err.invalid-phone': 'Not a phone number: “{value}”; left out.',
  'io.err.vcard-bad-line': 'Unreadable vCard line; left out.',
  'io.err.vcard-outside-card': 'Text outside a vCard; ignored.',
};

export const de: Record<keyof typeof en, string> = {
  'io.title': 'Import & Sicherung',
  'io.intro':
    'Übernehmen Sie Ihre Kontakte aus LinkedIn, XING, Google, Outlook oder Apple – und sichern Sie alles.',

  'io.import.heading': 'Kontakte importieren',
  'io.import.formats':
    'LinkedIn Connections.csv, CSV von Google oder Outlook, jede CSV-Datei mit Kopfzeile, vCard (.vcf) von Apple, Google, Outlook, Android oder XING.',
  'io.drop.label': 'Kontaktdatei hierher ziehen',
  'io.drop.or': 'oder',
  'io.drop.choose': 'Datei auswählen …',
  'io.drop.active': 'Loslassen, um die Datei zu lesen',
  'io.reading': '{name} wird gelesen …',
  'io.format.linkedin-csv': 'LinkedIn-Export (CSV)',
  'io.format.google-csv': 'Google Kontakte (CSV)',
  'io.format.outlook-csv': 'Outlook (CSV)',
  'io.format.vcard': 'vCard',
  'io.format.backup-json': 'Kundennah-Sicherung (nur die Kontakte)',
  'io.format.csv': 'CSV mit Ihrer Spaltenzuordnung',
  'io.format.unknown': 'unbekanntes Format',
  'io.file.failed': '{name} lässt sich nicht importieren.',
  'io.file.other': 'Andere Datei wählen',
  'io.backupHint':
    'Das ist eine Kundennah-Sicherung. Ein Import hier übernimmt nur die Kontakte; um alles zurückzuholen (Verlauf, Versprechen, Feedback), nutzen Sie unten „Sicherung wiederherstellen“.',

  'io.map.heading': 'Spalten von {name} zuordnen',
  'io.map.intro':
    'Dieses Spaltenlayout kennt Kundennah nicht. Geben Sie an, welche Spalte was enthält; für Dateien mit denselben Spalten merkt sich Kundennah Ihre Wahl.',
  'io.map.remembered': 'Ihre Zuordnung vom letzten Mal für diese Spalten.',
  'io.map.column': 'Spalte',
  'io.map.sample': 'Beispiel',
  'io.map.field': 'Bedeutung',
  'io.map.dateOrder': 'Datumsangaben wie 1/2/1980 bedeuten',
  'io.map.dmy': 'Tag/Monat/Jahr',
  'io.map.mdy': 'Monat/Tag/Jahr',
  'io.map.apply': 'Vorschau anzeigen',
  'io.field.ignore': '– nicht übernehmen –',
  'io.field.name': 'Ganzer Name',
  'io.field.firstName': 'Vorname',
  'io.field.middleName': 'Weitere Vornamen',
  'io.field.lastName': 'Nachname',
  'io.field.nickname': 'Spitzname',
  'io.field.email': 'E-Mail',
  'io.field.phone': 'Telefon',
  'io.field.company': 'Firma',
  'io.field.position': 'Position',
  'io.field.birthday': 'Geburtstag',
  'io.field.url': 'Webadresse / Profil',
  'io.field.referredBy': 'Empfohlen von (Name oder E-Mail)',
  'io.referral.heading': 'Empfohlen von',
  'io.referral.linked.one': '{count} Empfehlung mit dem Kontakt verknüpft, der sie gegeben hat.',
  'io.referral.linked.other':
    '{count} Empfehlungen mit den Kontakten verknüpft, die sie gegeben haben.',
  'io.referral.not-found': '{name}: niemand heißt „{text}“ – ohne Empfehlung übernommen.',
  'io.referral.ambiguous':
    '{name}: mehrere Kontakte heißen „{text}“ – die Firma in Klammern dazuschreiben, z. B. „{text} (Firma GmbH)“; ohne Empfehlung übernommen.',
  'io.referral.self':
    '{name}: kann sich nicht selbst empfohlen haben – ohne Empfehlung übernommen.',

  'io.preview.heading': 'Vorschau: {name}',
  'io.preview.detected.one': '{format} · {count} Eintrag',
  'io.preview.detected.other': '{format} · {count} Einträge',
  'io.sum.new': 'neu',
  'io.sum.merge': 'ergänzen vorhandene Kontakte',
  'io.sum.unchanged': 'schon aktuell',
  'io.sum.similar': 'ähnlich – Ihre Entscheidung',
  'io.sum.errors': 'Probleme in der Datei',
  'io.sum.combined': 'doppelt in der Datei, zusammengefasst',
  'io.status.label': 'Neue Kontakte sind',
  'io.new.heading': 'Neue Kontakte',
  'io.new.more': '… und {count} weitere',
  'io.merge.heading': 'Ergänzungen zu vorhandenen Kontakten',
  'io.merge.intro':
    'Gleiche E-Mail-Adresse oder gleiches XING-/LinkedIn-Profil. Es kommt nur hinzu, was fehlt; nichts, was Sie eingetragen haben, wird überschrieben.',
  'io.merge.stored': 'In Kundennah',
  'io.merge.incoming': 'In der Datei',
  'io.merge.adds': 'Kommt hinzu',
  'io.reason.email': 'gleiche E-Mail',
  'io.reason.profile-url': 'gleiches Profil',
  'io.reason.name-company': 'ähnlicher Name, gleiche Firma',
  'io.similar.heading': 'Ähnliche Namen bei derselben Firma',
  'io.similar.intro':
    'Das könnten Personen sein, die Sie schon haben. Entscheiden Sie jeweils: zusammenführen oder als neuen Kontakt anlegen.',
  'io.similar.mergeWith': 'Zusammenführen mit {name}',
  'io.similar.addNew': 'Als neuen Kontakt anlegen',
  'io.similar.allMerge': 'Alle zusammenführen',
  'io.similar.allNew': 'Alle neu anlegen',
  'io.similar.inFile': 'weiter oben in dieser Datei',
  'io.similar.pending.one': 'Bitte entscheiden Sie für {count} ähnlichen Eintrag.',
  'io.similar.pending.other': 'Bitte entscheiden Sie für {count} ähnliche Einträge.',
  'io.errors.heading': 'Probleme in der Datei',
  'io.errors.skipped.one': '{count} Eintrag übersprungen',
  'io.errors.skipped.other': '{count} Einträge übersprungen',
  'io.errors.values.one': '{count} Angabe weggelassen',
  'io.errors.values.other': '{count} Angaben weggelassen',
  'io.errors.line': 'Zeile {line}',
  'io.showAll': 'Alle anzeigen ({count})',
  'io.confirm': 'Importieren: {added} neu, {merged} ergänzt',
  'io.nothing': 'Nichts zu importieren: Alle Einträge sind schon in Kundennah und aktuell.',
  'io.importing': 'Wird importiert …',
  'io.done': 'Importiert aus {name}: {added} neu, {merged} ergänzt.',
  'io.conflict':
    'Ihre Kontakte haben sich seit der Vorschau geändert. Es wurde nichts importiert; bitte prüfen Sie die neue Vorschau.',
  'io.failed': 'Der Import ist fehlgeschlagen; es wurde nichts gespeichert. {message}',

  'io.batches.heading': 'Letzte Importe',
  'io.batches.row': '{file}: {added} neu, {merged} ergänzt',
  'io.batches.noFile': 'Import',
  'io.undo': 'Import rückgängig machen',
  'io.undo.confirm':
    'Diesen Import rückgängig machen? Die {added} neu angelegten Kontakte werden entfernt, die {merged} ergänzten Kontakte bekommen ihren früheren Stand zurück.',
  'io.undone':
    'Import rückgängig gemacht: {removed} entfernt, {restored} auf den früheren Stand gebracht.',
  'io.undo.kept':
    'Behalten, weil Sie sie seit dem Import geändert oder etwas dazu eingetragen haben: {names}.',

  'io.export.heading': 'Kontakte exportieren',
  'io.export.all': 'Alle Kontakte ({count})',
  'io.export.selected': 'Ausgewählte Kontakte ({count})',
  'io.export.search': 'Kontakte zum Auswählen suchen',
  'io.export.noMatch': 'Kein Kontakt passt.',
  'io.export.more': '{shown} von {count} Treffern; tippen Sie weiter, um einzugrenzen.',
  'io.export.none': 'Bitte wählen Sie mindestens einen Kontakt.',
  'io.export.vcard': 'vCard herunterladen (.vcf)',
  'io.export.vcardHint': 'vCard 4.0: für Apple, Google, Outlook und Telefone.',
  'io.export.csv': 'CSV herunterladen',
  'io.export.delimiter': 'Trennzeichen',
  'io.export.semicolon': 'Semikolon (deutsches Excel)',
  'io.export.comma': 'Komma',
  'io.export.done.one': '{count} Kontakt gespeichert als {file}.',
  'io.export.done.other': '{count} Kontakte gespeichert als {file}.',

  'io.backup.heading': 'Sicherung',
  'io.backup.why':
    'Kundennah speichert alles nur in diesem Browser. Wer die Erweiterung entfernt oder die Browserdaten löscht, löscht auch sie: Eine Sicherungsdatei ist Ihre einzige Kopie.',
  'io.backup.contains':
    'Eine Sicherung enthält alle Kontakte mit Verlauf, Versprechen, Feedback, Käufen und Wiedervorlagen, Ihre Einstellungen, den Import-Verlauf und Ihre „Keine Dublette“-Entscheidungen.',
  'io.backup.download': 'Sicherung herunterladen',
  'io.backup.last': 'Letzte Sicherung: {date}',
  'io.backup.never': 'Noch keine Sicherung erstellt.',
  'io.backup.done': 'Sicherung gespeichert als {file}.',
  'io.auto.label': 'Jede Woche automatisch eine Sicherungsdatei in Downloads/Kundennah speichern',
  'io.auto.permission':
    'Der Browser fragt Sie einmal, ob Kundennah Downloads speichern darf. Es wird nichts verschickt.',
  'io.auto.denied':
    'Ohne diese Erlaubnis kann die wöchentliche Sicherung keine Dateien speichern. Sie bleibt aus.',
  'io.auto.last': 'Letzte automatische Sicherung: {date}',
  'io.auto.error': 'Die letzte automatische Sicherung ist fehlgeschlagen: {message}',

  'io.restore.heading': 'Sicherung wiederherstellen',
  'io.restore.choose': 'Sicherungsdatei auswählen …',
  'io.restore.drop': 'Kundennah-Sicherung (.json) hierher ziehen',
  'io.restore.checking': '{name} wird geprüft …',
  'io.restore.checked': 'Sicherung vom {date}, vollständig geprüft:',
  'io.restore.mode': 'Wie soll sie wiederhergestellt werden?',
  'io.restore.replace': 'Alles ersetzen',
  'io.restore.replaceHint':
    'Danach enthält Kundennah genau das, was in der Sicherung steht. Aktuelle Daten, die nicht in der Sicherung sind, werden entfernt.',
  'io.restore.merge': 'Zusammenführen',
  'io.restore.mergeHint':
    'Einträge, die Sie nicht haben, kommen hinzu; von einem Eintrag, den es in beiden gibt, bleibt die zuletzt geänderte Fassung; alles andere bleibt.',
  'io.restore.countReplace': '{table}: {rows} aus der Sicherung, {removing} aktuelle entfernt',
  'io.restore.countMerge':
    '{table}: {rows} aus der Sicherung — {adding} neu, {replacing} neuer als Ihre (ersetzen sie), {keeping} von Ihren bleiben',
  'io.restore.duplicates.one':
    '{count} Kontakt aus der Sicherung hat dieselbe E-Mail oder dasselbe Profil wie ein anderer Ihrer Kontakte:',
  'io.restore.duplicates.other':
    '{count} Kontakte aus der Sicherung haben dieselbe E-Mail oder dasselbe Profil wie andere Ihrer Kontakte:',
  'io.restore.dupRow': '{backup} (Sicherung) und {existing} (jetzt): {via}',
  'io.restore.dupHint':
    'Beide bleiben erhalten; die Dublettensuche kann sie danach zusammenführen.',
  'io.restore.review': 'Dubletten prüfen',
  'io.restore.shared.one': '{count} E-Mail-Adresse gehört in der Sicherung zu mehreren Kontakten:',
  'io.restore.shared.other':
    '{count} E-Mail-Adressen gehören in der Sicherung zu mehreren Kontakten:',
  'io.restore.sharedRow': '{email}: {names}',
  'io.restore.sharedHint':
    'Alle werden wiederhergestellt; prüfen Sie danach, ob es dieselbe Person ist, und führen Sie sie zusammen.',
  'io.restore.orphans.one':
    '{count} Eintrag gehört zu einem Kontakt, den es nach der Wiederherstellung nicht gibt:',
  'io.restore.orphans.other':
    '{count} Einträge gehören zu Kontakten, die es nach der Wiederherstellung nicht gibt:',
  'io.restore.orphanRow': '{table} „{id}“: Kontakt „{contact}“ fehlt',
  'io.restore.orphansHint':
    'Sie werden unverändert wiederhergestellt, aber nirgends angezeigt, bis es den Kontakt wieder gibt (etwa aus einer anderen Sicherung, zusammengeführt).',
  'io.restore.safety':
    'Vorher zusätzlich die aktuellen Daten als Datei herunterladen (eine Kopie für „Wiederherstellung rückgängig machen“ behält Kundennah ohnehin)',
  'io.restore.merged':
    'Sicherung zusammengeführt: {added} hinzugefügt, {updated} aktualisiert (in der Sicherung neuer), {kept} so behalten, wie Sie sie haben (bei Ihnen zuletzt geändert oder ohne Datum zum Vergleichen), {same} in beiden gleich.',
  'io.restore.last': 'Letzte Wiederherstellung: {when}.',
  'io.restore.lastFile': 'Letzte Wiederherstellung: {name}, {when}.',
  'io.restore.undo': 'Wiederherstellung rückgängig machen',
  'io.restore.undoConfirm':
    'Alles wird wieder so, wie es vor dieser Wiederherstellung war. Was Sie seitdem geändert haben, wird ebenfalls entfernt.',
  'io.restore.undoing': 'Wiederherstellung wird rückgängig gemacht …',
  'io.restore.undone.one': 'Wiederherstellung rückgängig gemacht: {count} Eintrag wie vorher.',
  'io.restore.undone.other': 'Wiederherstellung rückgängig gemacht: {count} Einträge wie vorher.',
  'io.restore.confirm': 'Jetzt wiederherstellen',
  'io.restore.working': 'Wird wiederhergestellt …',
  'io.restore.done.one': 'Sicherung wiederhergestellt: {count} Eintrag geschrieben.',
  'io.restore.done.other': 'Sicherung wiederhergestellt: {count} Einträge geschrieben.',
  'io.restore.refused': '{name} lässt sich nicht wiederherstellen. Es wurde nichts verändert.',
  'io.restore.ignored': 'Ausgelassen (aus einer neueren Kundennah-Version): {tables}.',
  'io.restore.failed':
    'Die Wiederherstellung ist fehlgeschlagen; es wurde nichts verändert. {message}',
  'io.restore.syncOn':
    'Die Synchronisierung ist an, daher gibt es nur „Zusammenführen“: Ersetzen würde auch auf Ihren anderen Geräten und im Team alles löschen, was diese Sicherung nicht enthält. Um trotzdem zu ersetzen, schalten Sie die Synchronisierung vorher aus.',
  'io.restore.syncOnUndo':
    'Die Synchronisierung ist an: Das Rückgängigmachen würde auch auf Ihren anderen Geräten und im Team alles löschen, was seit der Wiederherstellung hinzugekommen ist. Schalten Sie die Synchronisierung dafür vorher aus.',
  'io.table.contacts': 'Kontakte',
  'io.table.interactions': 'Kontaktverlauf',
  'io.table.commitments': 'Versprechen',
  'io.table.feedback': 'Feedback',
  'io.table.purchases': 'Käufe',
  'io.table.followUps': 'Wiedervorlagen',
  'io.table.settings': 'Einstellungen',
  'io.table.notDuplicates': '„Keine Dublette“-Entscheidungen',
  'io.table.occasions': 'Anlässe',
  'io.table.importBatches': 'Import-Verlauf',
  'io.table.meta': 'Gemerkte Einstellungen',
  'io.table.dismissals': 'Erledigt/später im Tagesplan',

  'io.remind.backupNever': 'Ihre Daten wurden noch nie gesichert.',
  'io.remind.backupOld.one':
    'Ihre Daten haben sich seit der letzten Sicherung vor {days} Tag geändert.',
  'io.remind.backupOld.other':
    'Ihre Daten haben sich seit der letzten Sicherung vor {days} Tagen geändert.',
  'io.remind.backupWhy':
    'Wird die Erweiterung entfernt, ist alles darin verloren. Ein Klick bewahrt eine Kopie.',
  'io.remind.backupNow': 'Jetzt sichern',
  'io.remind.backupDone': 'Sicherung gespeichert als {file}.',
  'io.remind.linkedin':
    'Ihr letzter LinkedIn-Import ist {days} Tage her. LinkedIn gleicht nichts automatisch ab: Laden Sie eine frische Connections.csv herunter und importieren Sie sie – vorhandene Kontakte werden ergänzt, nie verdoppelt.',
  'io.remind.linkedinHow': 'Datei bei LinkedIn anfordern',
  'io.remind.linkedinImport': 'Jetzt importieren',

  'io.err.empty-file': 'Die Datei ist leer.',
  'io.err.unknown-format':
    'Das Dateiformat wurde nicht erkannt. Kundennah liest CSV von LinkedIn, Google oder Outlook, andere CSV-Dateien mit Kopfzeile, vCard-Dateien und Kundennah-Sicherungen.',
  'io.err.needs-mapping':
    'Diese CSV-Datei hat kein bekanntes Spaltenlayout ({columns} Spalten). Bitte ordnen Sie die Spalten zu.',
  'io.err.mapping-incomplete':
    'Keiner Spalte ist ein Name, eine Firma oder eine E-Mail-Adresse zugeordnet.',
  'io.err.vcard-no-cards': 'Die Datei enthält keine vCard (BEGIN:VCARD).',
  'io.err.invalid-json': 'Die Datei ist kein gültiges JSON: {detail}',
  'io.err.not-a-backup': 'Diese JSON-Datei ist keine Kundennah-Sicherung.',
  'io.err.backup-unsupported-version':
    'Diese Sicherung hat die Version {version}; diese Kundennah-Version liest Version {supported}. Bitte aktualisieren Sie Kundennah.',
  'io.err.backup-invalid': 'Die Sicherung ist beschädigt: {detail}',
  'io.err.backup-missing-table': 'In der Sicherung fehlt die Tabelle „{table}“.',
  'io.err.internal-error': 'Die Datei konnte nicht gelesen werden: {detail}',
  'io.err.unclosed-quote':
    'Ein Feld in Anführungszeichen wird nicht geschlossen; die Zeile wurde übersprungen.',
  'io.err.missing-name': 'Kein Name und keine E-Mail-Adresse; der Eintrag wurde übersprungen.',
  'io.err.vcard-unterminated': 'Die vCard hat kein END:VCARD; sie wurde übersprungen.',
  'io.err.backup-invalid-row': 'Tabelle {table}, Eintrag {index}, Feld {field}: {detail}',
  'io.err.backup-duplicate-id':
    'Tabelle {table}, Eintrag {index}: Die Kennung „{id}“ kommt mehrfach vor.',
  'io.err.backup-too-long':
    'Tabelle {table}, Eintrag {index}, Feld {field}: {length} Zeichen, erlaubt sind höchstens {max}.',
  'io.err.backup-too-many':
    'Tabelle {table}, Eintrag {index}, Feld {field}: {count} Einträge, erlaubt sind höchstens {max}.',
  'io.err.invalid-birthday': 'Kein gültiger Geburtstag: „{value}“; ohne Geburtstag übernommen.',
  'io.err.invalid-email': 'Keine gültige E-Mail-Adresse: „{value}“; weggelassen.',
  'io.err.invalid-url': 'Keine Webadresse: „{value}“; weggelassen.',
  'io.err.invalid-phone': 'Keine Telefonnummer: „{value}“; weggelassen.',
  'io.err.vcard-bad-line': 'Unlesbare vCard-Zeile; weggelassen.',
  'io.err.vcard-outside-card': 'Text außerhalb einer vCard; ignoriert.',
};
