// Gmail's DOM, in one place. Every list is tried most stable first; each entry says when it was
// last seen in the app and what takes over when it disappears. A Gmail change touches this file
// and adds a dated fixture under tests/fixtures/gmail/ — nothing else.
//
// "seen 2026-11" alone: in the hand-written fixtures of November 2026 (tests/fixtures/gmail/),
// modelled on the app's DOM; "(real capture)": in a saved page of the real app
// (tests/fixtures/gmail/real/); "seen 2019-2026" and the like: in earlier versions of the app.
//
// Class names such as gD, g2, hP, a3s, zA have survived every Gmail redesign since 2012 (InboxSDK
// relies on them too); the `email`/`name` attributes on people even longer.
import type { VersionMarkers } from '../dom';

/** Gmail's build, for the diagnostic report (lib/content/diagnose.ts): the keys of its bundles. */
export const VERSION_MARKERS: VersionMarkers = [
  ['script[src*="/_/js/k=gmail.main."]', 'src', /k=(gmail\.main\.[\w-]+\.[\w-]+)/], // seen 2019-2024 in script URLs quoted in public bug reports ("k=gmail.main.en.uh0t93rNJtY.O")
  ['link[href*="/_/ss/k=gmail.main."]', 'href', /k=(gmail\.main\.[\w-]+)/], // seen 2024 in a stylesheet URL quoted in a public user script
];

/** The open conversation's subject heading (also carries the thread ids). */
export const THREAD_HEADING = [
  'h2[data-legacy-thread-id]', // seen 2026-11; 2023-10, Gmail thread (real capture); fallback: h2.hP
  'h2.hP', // seen 2026-11; 2023-10, Gmail thread (real capture); fallback: h2[data-thread-perm-id]
  'h2[data-thread-perm-id]', // seen 2026-11; 2023-10, Gmail thread (real capture); fallback: the document title (read.ts)
] as const;

/** The heading of one thread, by the legacy id the URL names (hex only, safe in a selector). */
export const headingOfThread = (legacyId: string): string =>
  `h2[data-legacy-thread-id="${legacyId}"]`; // seen 2026-11; fallback: THREAD_HEADING, visible first

/** Attributes on the heading that carry the thread id. */
export const LEGACY_THREAD_ID_ATTR = 'data-legacy-thread-id'; // seen 2026-11 (hex, API thread id)
export const PERM_THREAD_ID_ATTR = 'data-thread-perm-id'; // seen 2026-11 ("thread-f:<decimal>")

/** The container of the open conversation, looked up from the heading (closest) or directly. */
export const THREAD_ROOT = [
  '[role="main"]', // seen 2026-11; 2023-10, Gmail thread (real capture); fallback: div.nH.if (older thread container)
  'div.nH.if', // seen 2019-2026; fallback: the whole document
] as const;

/** One message of the conversation, expanded or collapsed. */
export const MESSAGE = [
  '[data-legacy-message-id]', // seen 2026-11; 2023-10, Gmail thread (real capture); fallback: [data-message-id]
  '[data-message-id]', // seen 2026-11; 2023-10, Gmail thread (real capture); fallback: div.adn (expanded message)
  'div.adn', // seen 2026-11; 2023-10, Gmail thread (real capture); fallback: none (the "address on every message" rule is skipped)
] as const;

/**
 * Anything that names a participant, matched together in document order: sender (gD), recipients
 * on the "to" line (g2), collapsed senders (zF/yP), avatars and compose chips (hovercard ids).
 */
export const PARTICIPANT = [
  '[email]', // seen 2026-11 on span.gD/g2/zF/yP; 2019-12, 2023-10, 2025-08, Gmail threads (real captures); fallback: data-hovercard-id
  '[data-hovercard-id*="@"]', // seen 2026-11 on avatars and chips; 2019-12, 2023-10, 2025-08 (real captures); fallback: the class names below
  'span.gD', // seen 2026-11, sender; 2019-12, 2023-10, 2025-08 (real captures); also catches a sender shown by name only (no email attribute)
  'span.g2', // seen 2026-11, recipients; 2023-10, 2025-08 (real captures); fallback: none (partial data: subject and thread id)
] as const;

/** Attributes of a participant element, most specific first. */
export const EMAIL_ATTRS = ['email', 'data-hovercard-id'] as const; // seen 2026-11
/**
 * Where a participant element keeps the display name, most specific first. `name` is the person's
 * name on the name elements (span.gD/g2/zF/yP); on the avatar img.ajn of a message it holds a
 * generated element id (":o6", ":62", ":np" — seen 2019-12, 2023-10 and 2025-08, real captures)
 * and the name is in `data-name`. An avatar's `name` is therefore never read.
 */
export const NAME_ATTRS = ['name', 'data-name'] as const; // seen 2026-11; 2019-12 to 2025-08 (real captures)
export const AVATAR = ['img', '.ajn'] as const; // seen 2019-12, 2023-10, 2025-08 (real captures)
export const AVATAR_NAME_ATTRS = ['data-name'] as const; // seen 2019-12, 2023-10, 2025-08 on img.ajn (real captures)
/** Generated element ids Gmail's UI library writes into `name`/`id` (":o6", ":np_1-e"). */
export const GENERATED_ID = /^:[\w.-]*$/; // seen 2019-12, 2023-10, 2025-08 (real captures)

/** Places whose people are no participants of the open thread. */
export const NOT_PARTICIPANT = [
  'tr.zA', // seen 2026-11: inbox list rows, kept in the DOM (hidden) while a thread is open; 2023-10, Gmail thread with 50 hidden rows (real capture)
  '.a3s', // seen 2026-11: message bodies, quoted text included; 2023-10, 2025-08 (real captures)
  '.gmail_quote', // seen 2026-11: quoted text pasted into bodies
] as const;

/** Gmail hides views it keeps around (the list, previously opened threads) with an inline style. */
export const HIDDEN = ['[style*="display: none"]', '[style*="display:none"]'] as const; // seen 2026-11

/**
 * The account button: aria-label "Google Account: Max Muster (max@gmail.com)", German
 * "Google-Konto: …". Fallback: the document title "Subject - max@gmail.com - Gmail".
 */
export const ACCOUNT = [
  'a[href*="accounts.google.com/SignOutOptions"][aria-label]', // seen 2026-11; 2023-10, Gmail thread (real capture)
  '[aria-label^="Google Account:"]', // seen 2026-11, English UI; 2023-10, Gmail thread (real capture)
  '[aria-label^="Google-Konto:"]', // seen 2026-11, German UI
  'header [aria-label*="@"]', // seen 2026-11; fallback: the title
] as const;

/** How Gmail writes the signed-in user on "to" lines and collapsed senders, per UI language. */
export const ME_WORDS = ['me', 'mich', 'ich', 'mir', 'moi', 'yo', 'mí', 'io', 'mij', 'ik'] as const; // seen 2026-11
