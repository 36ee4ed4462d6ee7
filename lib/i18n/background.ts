// Texts the background shows (notifications, menus, badge hints) in English and German. German must
// have exactly the English keys (checked by the compiler); lib/i18n/index.ts merges the areas.
export const en = {
  'bg.reminderTitle.one': 'Kundennah: {count} touch due today',
  'bg.reminderTitle.other': 'Kundennah: {count} touches due today',
  'bg.reminderMore': '… and {count} more',
  'bg.menuAdd': 'Add to Kundennah',
  'bg.menuShow': 'Show in Kundennah',
  'bg.logged': 'Contact with {name} logged.',
  'bg.loggedAlready': 'Contact with {name} was logged today already.',
  'bg.noPerson': 'No known person on this page. Add them in the Kundennah panel.',
};

export const de: Record<keyof typeof en, string> = {
  'bg.reminderTitle.one': 'Kundennah: heute {count} Kontakt fällig',
  'bg.reminderTitle.other': 'Kundennah: heute {count} Kontakte fällig',
  'bg.reminderMore': '… und {count} weitere',
  'bg.menuAdd': 'Zu Kundennah hinzufügen',
  'bg.menuShow': 'In Kundennah anzeigen',
  'bg.logged': 'Kontakt mit {name} festgehalten.',
  'bg.loggedAlready': 'Kontakt mit {name} wurde heute schon festgehalten.',
  'bg.noPerson':
    'Keine bekannte Person auf dieser Seite. Im Kundennah-Panel können Sie sie anlegen.',
};
