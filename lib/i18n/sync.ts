// Strings of sync (the "Synchronisierung" page and the popup's line about it) in English and German.
// German must have exactly the English keys (checked by the compiler).
export const en = {
  'nav.sync': 'Sync',
  'sync.title': 'Sync',
  'sync.setUpTitle': 'Set sync up',
  'sync.stateTitle': 'How sync stands',
  'sync.intro':
    'Sync keeps your customers the same on your laptop and desktop, and shares a team space with colleagues. It goes through a CouchDB server your firm runs: nothing else is contacted, and nothing leaves this browser before you set it up.',
  'sync.howTo': 'How to set up a server: docs/sync.md in Kundennah’s source.',
  'sync.server': 'Server address',
  'sync.serverHint': 'For example https://sync.kanzlei-weber.de',
  'sync.username': 'User name',
  'sync.password': 'Password',
  'sync.space': 'Your space',
  'sync.spaceHint':
    'Leave empty for your private space. For a team space, enter its name as your administrator gave it to you.',
  'sync.teams': 'Team spaces',
  'sync.teamsHint':
    'Optional: the team spaces you are a member of, separated by commas. A contact you put into a team space is shared, with its history, with that space’s members.',
  'sync.badTeams': 'Team space names have lower-case letters, digits and - _ only: {names}',
  'sync.lost':
    'You are no longer a member of {spaces}: its contacts were removed from this device. Whoever runs the server can add you again.',
  'sync.seenLost': 'Understood',
  'sync.turnOn': 'Turn sync on',
  'sync.asking': 'Your browser asks whether Kundennah may contact {host} …',
  'sync.denied':
    'Without your permission Kundennah cannot contact {host}. Sync stays off; nothing was sent.',
  'sync.badAddress': 'This is not a server address. Example: https://sync.kanzlei-weber.de',
  'sync.notHttps':
    'Kundennah sends customer data only over an encrypted connection: the address must begin with https:// (a server on this computer may use http://localhost).',
  'sync.badSpace':
    'A space name has lower-case letters, digits and - _ only, and begins with a letter.',
  'sync.needUser': 'Enter your user name.',
  'sync.failedToStart': 'Sync could not be turned on: {error}',
  'sync.on': 'Sync is on: {user} on {server}.',
  'sync.spaceLine': 'Spaces: {space}',
  'sync.private': 'Private',
  'sync.last': 'Last sync: {when}.',
  'sync.never': 'Not synced yet.',
  'sync.pending': '{count} changes wait to be sent.',
  'sync.pendingOne': '1 change waits to be sent.',
  'sync.nonePending': 'Everything here has been sent.',
  'sync.running': 'Syncing …',
  'sync.progress': 'Syncing … {received} received from the server, {applied} stored here.',
  'sync.now': 'Sync now',
  'sync.turnOff': 'Turn sync off',
  'sync.offDone':
    'Sync is off on this device. Your data stays here; its copy for sync has been removed.',
  'sync.failingSince': 'Failing since {when}.',
  'sync.fail.unauthorized':
    'The server refused the sign-in: the user name or password is wrong, or the account was removed. Turn sync off and on again with the right password.',
  'sync.fail.forbidden':
    'You are not (or no longer) a member of this space. Ask whoever runs the server to add you.',
  'sync.fail.offline':
    'The server cannot be reached (no connection, or the server is down). Kundennah tries again every 15 minutes; your changes are kept here meanwhile.',
  'sync.fail.no-permission':
    'Your browser no longer lets Kundennah contact the server. Turn sync off and on again to grant it.',
  'sync.fail.other':
    'The last sync failed. Kundennah tries again every 15 minutes; your changes are kept here meanwhile.',
  'sync.merged': 'Changes by {names} merged:',
  'sync.mergedHere':
    'Changes by {names} were merged into this contact at the last sync: each field holds the newer change.',
  'sync.refused':
    '{count} changes from the server were not taken, because they were damaged or belong to another space.',
  'sync.serverRefused':
    'The server refused {count} of your changes (they reached nobody). Ask whoever runs the server.',
  'sync.off': 'Sync is off. Everything stays in this browser.',
  'sync.contactSpace': 'Space',
  'sync.moved': '{name} is now in {space}; the history goes along at the next sync.',
  'sync.members': 'Members of {space}',
  'sync.membersShow': 'Members of {space}',
  'sync.membersSave': 'Save members',
  'sync.membersHint':
    'Account names, separated by commas. Whoever is removed loses the space’s contacts at their next sync.',
  'sync.membersRoles': 'Also every account with the role {roles}.',
  'sync.membersSaved': 'Members of {space} saved.',
  'sync.members.not-admin': 'Only the space’s administrators can see and change its members.',
  'sync.members.would-be-public':
    'A space needs at least one member: without any, CouchDB opens it to everybody.',
  'sync.members.offline': 'The server cannot be reached.',
  'sync.members.other': 'The members could not be read or saved.',
  'popup.syncFailing': 'Sync has been failing since {when}.',
  'popup.syncOpen': 'Open sync',
};

export const de: Record<keyof typeof en, string> = {
  'nav.sync': 'Synchronisierung',
  'sync.title': 'Synchronisierung',
  'sync.setUpTitle': 'Synchronisierung einrichten',
  'sync.stateTitle': 'Stand der Synchronisierung',
  'sync.intro':
    'Die Synchronisierung hält Ihre Kunden auf Laptop und Desktop gleich und teilt einen Team-Bereich mit Kolleginnen und Kollegen. Sie läuft über einen CouchDB-Server, den Ihre Firma betreibt: Sonst wird nichts kontaktiert, und bevor Sie sie einrichten, verlässt nichts diesen Browser.',
  'sync.howTo': 'Wie man einen Server einrichtet: docs/sync.md im Quelltext von Kundennah.',
  'sync.server': 'Serveradresse',
  'sync.serverHint': 'Zum Beispiel https://sync.kanzlei-weber.de',
  'sync.username': 'Benutzername',
  'sync.password': 'Passwort',
  'sync.space': 'Ihr Bereich',
  'sync.spaceHint':
    'Leer lassen für Ihren privaten Bereich. Für einen Team-Bereich den Namen eintragen, den Ihnen die Verwaltung genannt hat.',
  'sync.teams': 'Team-Bereiche',
  'sync.teamsHint':
    'Optional: die Team-Bereiche, in denen Sie Mitglied sind, durch Kommas getrennt. Ein Kontakt, den Sie einem Team-Bereich zuordnen, wird mit seiner Geschichte mit dessen Mitgliedern geteilt.',
  'sync.badTeams':
    'Namen von Team-Bereichen bestehen aus Kleinbuchstaben, Ziffern und - _: {names}',
  'sync.lost':
    'Sie sind nicht mehr Mitglied von {spaces}: Die Kontakte dieses Bereichs wurden von diesem Gerät entfernt. Die Person, die den Server betreut, kann Sie wieder aufnehmen.',
  'sync.seenLost': 'Verstanden',
  'sync.turnOn': 'Synchronisierung einschalten',
  'sync.asking': 'Ihr Browser fragt, ob Kundennah {host} kontaktieren darf …',
  'sync.denied':
    'Ohne Ihre Erlaubnis kann Kundennah {host} nicht erreichen. Die Synchronisierung bleibt aus; nichts wurde gesendet.',
  'sync.badAddress': 'Das ist keine Serveradresse. Beispiel: https://sync.kanzlei-weber.de',
  'sync.notHttps':
    'Kundennah sendet Kundendaten nur verschlüsselt: Die Adresse muss mit https:// beginnen (ein Server auf diesem Computer darf http://localhost nutzen).',
  'sync.badSpace':
    'Ein Bereichsname besteht aus Kleinbuchstaben, Ziffern und - _ und beginnt mit einem Buchstaben.',
  'sync.needUser': 'Bitte den Benutzernamen eintragen.',
  'sync.failedToStart': 'Die Synchronisierung ließ sich nicht einschalten: {error}',
  'sync.on': 'Synchronisierung ist an: {user} auf {server}.',
  'sync.spaceLine': 'Bereiche: {space}',
  'sync.private': 'Privat',
  'sync.last': 'Zuletzt synchronisiert: {when}.',
  'sync.never': 'Noch nicht synchronisiert.',
  'sync.pending': '{count} Änderungen warten auf das Senden.',
  'sync.pendingOne': '1 Änderung wartet auf das Senden.',
  'sync.nonePending': 'Alles von hier ist gesendet.',
  'sync.running': 'Synchronisiert …',
  'sync.progress': 'Synchronisiert … {received} vom Server empfangen, {applied} hier gespeichert.',
  'sync.now': 'Jetzt synchronisieren',
  'sync.turnOff': 'Synchronisierung ausschalten',
  'sync.offDone':
    'Die Synchronisierung ist auf diesem Gerät aus. Ihre Daten bleiben hier; die Kopie für die Synchronisierung wurde entfernt.',
  'sync.failingSince': 'Schlägt fehl seit {when}.',
  'sync.fail.unauthorized':
    'Der Server hat die Anmeldung abgelehnt: Benutzername oder Passwort stimmen nicht, oder das Konto wurde entfernt. Schalten Sie die Synchronisierung aus und mit dem richtigen Passwort wieder ein.',
  'sync.fail.forbidden':
    'Sie sind nicht (mehr) Mitglied dieses Bereichs. Bitten Sie die Person, die den Server betreut, Sie aufzunehmen.',
  'sync.fail.offline':
    'Der Server ist nicht erreichbar (keine Verbindung, oder der Server ist aus). Kundennah versucht es alle 15 Minuten wieder; Ihre Änderungen bleiben so lange hier.',
  'sync.fail.no-permission':
    'Ihr Browser erlaubt Kundennah nicht mehr, den Server zu erreichen. Schalten Sie die Synchronisierung aus und wieder ein, um es zu erlauben.',
  'sync.fail.other':
    'Die letzte Synchronisierung ist fehlgeschlagen. Kundennah versucht es alle 15 Minuten wieder; Ihre Änderungen bleiben so lange hier.',
  'sync.merged': 'Änderung von {names} zusammengeführt:',
  'sync.mergedHere':
    'Änderung von {names} bei der letzten Synchronisierung zusammengeführt: in jedem Feld steht die neuere Änderung.',
  'sync.refused':
    '{count} Änderungen vom Server wurden nicht übernommen, weil sie beschädigt waren oder zu einem anderen Bereich gehören.',
  'sync.serverRefused':
    'Der Server hat {count} Ihrer Änderungen abgelehnt (sie haben niemanden erreicht). Fragen Sie die Person, die den Server betreut.',
  'sync.off': 'Die Synchronisierung ist aus. Alles bleibt in diesem Browser.',
  'sync.contactSpace': 'Bereich',
  'sync.moved':
    '{name} ist jetzt im Bereich {space}; die Geschichte geht bei der nächsten Synchronisierung mit.',
  'sync.members': 'Mitglieder von {space}',
  'sync.membersShow': 'Mitglieder von {space}',
  'sync.membersSave': 'Mitglieder speichern',
  'sync.membersHint':
    'Kontonamen, durch Kommas getrennt. Wer entfernt wird, verliert die Kontakte des Bereichs bei der nächsten Synchronisierung.',
  'sync.membersRoles': 'Außerdem jedes Konto mit der Rolle {roles}.',
  'sync.membersSaved': 'Mitglieder von {space} gespeichert.',
  'sync.members.not-admin':
    'Nur die Verwalter des Bereichs können seine Mitglieder sehen und ändern.',
  'sync.members.would-be-public':
    'Ein Bereich braucht mindestens ein Mitglied: Ohne Mitglieder öffnet CouchDB ihn für alle.',
  'sync.members.offline': 'Der Server ist nicht erreichbar.',
  'sync.members.other': 'Die Mitglieder ließen sich nicht lesen oder speichern.',
  'popup.syncFailing': 'Die Synchronisierung schlägt seit {when} fehl.',
  'popup.syncOpen': 'Synchronisierung öffnen',
};
