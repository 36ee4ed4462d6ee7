// Short German summaries of contacts, as a freelancer jots them down after a call or a visit.
// Topics are bare noun phrases ("Bautagebuch-App", "digitale Zeiterfassung"), interests too.

import type { Channel } from '../model';
import type { Rng } from './random';

type Direction = 'in' | 'out';

const BUSINESS: Partial<Record<Channel, Record<Direction, readonly string[]>>> = {
  phone: {
    out: [
      'Telefonat zum Thema {t}: nächste Schritte abgestimmt',
      'Kurz angerufen, Stand {t} besprochen',
      'Rückruf zum Thema {t}, offene Fragen geklärt',
      'Telefonat: {t} läuft, kleine Anpassungen besprochen',
    ],
    in: [
      'Rief an, Thema {t}',
      'Anruf mit einer Rückfrage zum Thema {t}',
      'Meldete sich mit einer Idee zum Thema {t}',
    ],
  },
  email: {
    out: [
      'Unterlagen zum Thema {t} geschickt',
      'Zusammenfassung {t} gemailt',
      'Entwurf {t} zur Durchsicht geschickt',
      'Praxisbeispiel zum Thema {t} weitergeleitet',
    ],
    in: [
      'Rückfrage per E-Mail zum Thema {t}',
      'Schickt Zahlen und Unterlagen zum Thema {t}',
      'Bedankt sich für die Unterlagen zum Thema {t}',
    ],
  },
  visit: {
    out: ['Besuch vor Ort, Thema {t}', 'Vor-Ort-Termin: {t} mit dem Team durchgesprochen'],
    in: ['Kam zu Besuch ins Büro, Thema {t}'],
  },
  meeting: {
    out: ['Termin zum Thema {t}', 'Video-Call: {t}', 'Arbeitstreffen zum Thema {t}'],
    in: ['Hat zum Termin eingeladen, Thema {t}'],
  },
  xing: {
    out: ['XING-Nachricht: Artikel zum Thema {t} geteilt', 'Über XING nachgefragt: Stand {t}'],
    in: ['XING-Nachricht mit einer Frage zum Thema {t}'],
  },
  linkedin: {
    out: [
      'LinkedIn-Nachricht: Beitrag zum Thema {t} empfohlen',
      'Über LinkedIn nachgefragt: Stand {t}',
    ],
    in: ['LinkedIn-Nachricht mit einer Frage zum Thema {t}'],
  },
  letter: {
    out: ['Karte geschickt – Dank für die gute Zusammenarbeit ({t})'],
    in: ['Brief mit Unterlagen zum Thema {t}'],
  },
};

const PERSONAL: Partial<Record<Channel, readonly string[]>> = {
  phone: ['Über {i} geplaudert, nebenbei Stand {t}', 'Telefonat: erst {i}, dann kurz {t}'],
  email: ['Artikel über {i} weitergeleitet', 'Lesetipp zum Thema {i} geschickt'],
  visit: ['Mittagessen: viel über {i} geredet, kurz {t}', 'Besuch mit Kaffee: {i}, dann {t}'],
  meeting: ['Nach dem Termin noch über {i} gesprochen', 'Kaffee in der Stadt: {i}, dann {t}'],
  xing: ['XING: zum Beitrag über {i} gratuliert'],
  linkedin: ['LinkedIn: Beitrag über {i} kommentiert'],
  letter: ['Karte mit einem Zeitungsausschnitt über {i} geschickt'],
};

function businessForms(channel: Channel, dir: Direction): readonly string[] {
  return BUSINESS[channel]?.[dir] ?? BUSINESS.phone!.out;
}

function personalForms(channel: Channel): readonly string[] {
  return PERSONAL[channel] ?? PERSONAL.phone!;
}

export function businessSummary(rng: Rng, channel: Channel, dir: Direction, topic: string): string {
  return rng.pick(businessForms(channel, dir)).replace('{t}', topic);
}

export function personalSummary(
  rng: Rng,
  channel: Channel,
  interest: string,
  topic: string,
): string {
  return rng.pick(personalForms(channel)).replace('{i}', interest).replace('{t}', topic);
}

/**
 * Every summary for a fixed list of topics and interests, built once, so that a large data set
 * shares its summary strings instead of holding one copy per record.
 */
export class SummaryPool {
  private readonly business = new Map<string, string[]>();
  private readonly personal = new Map<string, string[][]>();

  constructor(
    private readonly topics: readonly string[],
    private readonly interests: readonly string[],
  ) {}

  /** A business summary about `topics[topicIndex]`. */
  businessSummary(rng: Rng, channel: Channel, dir: Direction, topicIndex: number): string {
    const key = `${channel}|${dir}`;
    let pool = this.business.get(key);
    if (!pool) {
      pool = businessForms(channel, dir).flatMap((f) =>
        this.topics.map((t) => f.replace('{t}', t)),
      );
      this.business.set(key, pool);
    }
    const forms = pool.length / this.topics.length;
    return pool[Math.floor(rng.next() * forms) * this.topics.length + topicIndex]!;
  }

  /** A personal summary about `interests[interestIndex]` and `topics[topicIndex]`. */
  personalSummary(rng: Rng, channel: Channel, interestIndex: number, topicIndex: number): string {
    let pools = this.personal.get(channel);
    if (!pools) {
      pools = this.interests.map((i) =>
        personalForms(channel).flatMap((f) =>
          this.topics.map((t) => f.replace('{i}', i).replace('{t}', t)),
        ),
      );
      this.personal.set(channel, pools);
    }
    const pool = pools[interestIndex]!;
    const forms = pool.length / this.topics.length;
    return pool[Math.floor(rng.next() * forms) * this.topics.length + topicIndex]!;
  }
}

/** An e-mail subject from a topic: "digitale Zeiterfassung" → "Digitale Zeiterfassung". */
export function subjectOf(topic: string): string {
  return topic.charAt(0).toUpperCase() + topic.slice(1);
}
