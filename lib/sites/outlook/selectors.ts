// Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com), in one place.
// Class names are generated per build (OZZZK, aVla3 …) and change without notice, so every list
// leads with ids, data-app-section / data-testid attributes and ARIA labels. An Outlook change
// touches this file and adds a dated fixture under tests/fixtures/outlook/ — nothing else.
//
// "seen 2026-11" alone: in the hand-written fixtures of November 2026 (tests/fixtures/outlook/),
// modelled on the app's DOM; "(real capture)": in a saved page of the real app
// (tests/fixtures/outlook/real/); "seen 2019-2021" and the like: in earlier versions of the app.
import type { VersionMarkers } from '../dom';

/** Outlook's build, for the diagnostic report (lib/content/diagnose.ts). */
export const VERSION_MARKERS: VersionMarkers = [
  ['meta[name="scriptVer"]', 'content', /^([\w.-]+)$/], // seen 2026-03, message list (real capture): "20260306001.04"
];

/** The reading pane or the full-page message: everything a message shows lives in here. */
export const READING_PANE = [
  '#ReadingPaneContainerId', // seen 2026-11 (reading pane); 2026-03, message list (real capture); fallback: MailReadCompose
  '[data-app-section="MailReadCompose"]', // seen 2026-11 (full-page message); 2026-03, message list (real capture); fallback: the pane's inner container
  '#ConversationReadingPaneContainer', // seen 2026-11; fallback: labelled main region
  '[role="main"][aria-label="Reading Pane"]', // seen 2026-11, English UI
  '[role="main"][aria-label="Lesebereich"]', // seen 2026-11, German UI
  '[data-app-section="ConversationContainer"]', // seen 2026-11 (messages only, no subject); fallback: main
  '[role="main"]', // seen 2026-11; fallback: the whole document
] as const;

/** The conversation's subject. Its span carries the full subject in `title`. */
export const SUBJECT = [
  '[data-app-section="ConversationTopic"]', // seen 2023-2026; fallback: the level-2 heading
  '[role="heading"][aria-level="2"]', // seen 2026-11; fallback: the document title (read.ts)
] as const;

/** Inside the subject heading: the element with the full subject in `title`, then the text span. */
export const SUBJECT_TITLED = ['span[title]', '[title]'] as const; // seen 2026-11
export const SUBJECT_TEXT = ['span'] as const; // seen 2026-11; fallback: the heading's whole text

/** One message of the conversation, expanded or collapsed. */
export const MESSAGE = [
  '[aria-label="Email message"]', // seen 2026-11, English UI
  '[aria-label="E-Mail-Nachricht"]', // seen 2026-11, German UI
  'div.aVla3', // seen 2026-11 (generated class); fallback: none (rule "on every message" skipped)
] as const;

/**
 * Anything that names a participant, matched together in document order: the From line
 * ("Anna Schmidt<anna@…>" with aria-label "From: …"), persona elements whose title or aria-label
 * holds the address, and the recipient wells.
 */
export const PARTICIPANT = [
  '[aria-label^="From:"]', // seen 2026-11, English UI
  '[aria-label^="Von:"]', // seen 2026-11, German UI
  '[data-lpc-hover-target-id]', // seen 2026-11, live persona card targets
  '[title*="@"]', // seen 2026-11, persona names and addresses in collapsed headers and recipients
  '[aria-label*="@"]', // seen 2026-11, persona buttons
  'span.OZZZK', // seen 2026-11 (generated class): sender name in collapsed and expanded headers
] as const;

/** Recipient lines; when they hold no persona elements, their text "To: A; B <b@…>" is split. */
export const RECIPIENTS = [
  '[data-testid="RecipientWell"] > *', // seen 2026-11: one child per line (To, Cc); fallback: labelled lines
  '[aria-label^="To:"]', // seen 2026-11, English UI
  '[aria-label^="Cc:"]', // seen 2026-11
  '[aria-label^="An:"]', // seen 2026-11, German UI
] as const;

/** Labels in front of names, removed from texts and aria-labels. */
export const LABEL_PREFIX = /^(?:from|von|to|an|cc|bcc|sent by|gesendet von)\s*:\s*/i; // seen 2026-11
/** Where one text holds several people: "A; B", or lines run together ("To: ACc: B"). */
export const PEOPLE_SEPARATOR = /;|(?:To|Cc|Bcc|An|Von|From):/; // seen 2026-11

/** Places whose addresses are no participants: message bodies and the message list. */
export const NOT_PARTICIPANT = [
  '[aria-label="Message body"]', // seen 2026-11, English UI
  '[aria-label="Nachrichtentext"]', // seen 2026-11, German UI
  '[id^="UniqueMessageBody"]', // seen 2026-11
  '[role="listbox"]', // seen 2026-11: message list rows (title = sender address); 2026-03, message list (real capture)
  '#MailList', // seen 2026-11; 2026-03, message list (real capture)
] as const;

/** The me-control: the signed-in account. Fallback: the title "Mail - Max Muster - Outlook". */
export const ME_EMAIL = [
  '#mectrl_currentAccount_secondary', // seen 2026-11 (account flyout, rendered once opened)
] as const;
export const ME_NAME = [
  '#mectrl_currentAccount_primary', // seen 2026-11 (account flyout)
] as const;
export const ME_BUTTON = [
  '#O365_MainLink_Me[aria-label]', // seen 2026-11: "Account manager for Max Muster"; 2026-03 (real capture), Japanese label "<name> のアカウント マネージャー"
  '#mectrl_main_trigger[aria-label]', // seen 2026-11
  '[data-testid="meControl"][aria-label]', // seen 2026-11; fallback: the title
] as const;
/** "Account manager for Max Muster", "Konto-Manager für Max Muster". */
export const ME_BUTTON_LABEL =
  /^(?:account manager for|konto-manager für|gestionnaire de comptes pour)\s+(.+)$/i; // seen 2026-11
