// The after-call note and the settled complaint as forms hold them (the popup and the panel share
// both), and what they become when saved: the model's note (lib/model/after-call.ts) and
// settlement. Pure.
import { addDays } from '../core';
import type { AfterCallNote, Settlement } from '../model';

export interface NoteDraft {
  summary: string;
  /** 5 = very satisfied … 1 = very dissatisfied; undefined = not asked. */
  product: number | undefined;
  service: number | undefined;
  support: string;
  improve: string;
  complaint: boolean;
  pricePressure: boolean;
  wishGiven: boolean;
  wish: string;
  promiseGiven: boolean;
  promiseText: string;
  promiseDue: string;
  /** "Neues Thema?": what moves the customer now, noted as a concern of the contact. */
  concern: string;
}

export function emptyNoteDraft(summary = ''): NoteDraft {
  return {
    summary,
    product: undefined,
    service: undefined,
    support: '',
    improve: '',
    complaint: false,
    pricePressure: false,
    wishGiven: false,
    wish: '',
    promiseGiven: false,
    promiseText: '',
    promiseDue: '',
    concern: '',
  };
}

/** The day a promise ticked in the note is due unless the user picks another: in a week. */
export function defaultPromiseDue(today: string): string {
  return addDays(today, 7);
}

const text = (s: string): string | undefined => s.trim() || undefined;

/** What a filled-in note says; what was left empty or unticked is left out. */
export function noteFromDraft(d: NoteDraft): AfterCallNote {
  const note: AfterCallNote = {};
  if (text(d.summary)) note.summary = d.summary.trim();
  if (d.product !== undefined) note.product = d.product;
  if (d.service !== undefined) note.service = d.service;
  if (text(d.support)) note.support = d.support.trim();
  if (text(d.improve)) note.improve = d.improve.trim();
  if (d.complaint) note.complaint = true;
  if (d.pricePressure) note.pricePressure = true;
  if (d.wishGiven && text(d.wish)) note.wish = d.wish.trim();
  if (d.promiseGiven && text(d.promiseText) && d.promiseDue)
    note.promise = { text: d.promiseText.trim(), dueAt: d.promiseDue };
  if (text(d.concern)) note.concern = d.concern.trim();
  return note;
}

export interface SettleDraft {
  resolution: string;
  goodwillGiven: boolean;
  goodwill: string;
}

export function emptySettleDraft(): SettleDraft {
  return { resolution: '', goodwillGiven: false, goodwill: '' };
}

export function settlementFromDraft(d: SettleDraft): Settlement {
  const out: Settlement = {};
  if (text(d.resolution)) out.resolution = d.resolution.trim();
  if (d.goodwillGiven && text(d.goodwill)) out.goodwill = d.goodwill.trim();
  return out;
}
