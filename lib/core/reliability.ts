// Reliability record of one contact (PRODUCT.md point 1 and 7: a broken promise does more harm than
// any magazine can repair — so the panel shows how well we keep our word to this person).

import type { ContactHistory, Settings } from '../model';
import { translate } from '../i18n';
import { createContext, type CoreContext } from './context';
import { normalizeHistory } from './records';

export interface ReliabilityRecord {
  total: number;
  /** Done on or before the due day (compared as calendar days in settings.timeZone). */
  keptOnTime: number;
  /** Done after the due day. */
  late: number;
  /** Not done yet. */
  open: number;
  /** Not done and the due day has passed. */
  overdue: number;
  /** Promises that can be judged: kept on time + late + overdue. */
  judged: number;
  /** keptOnTime / judged, or null when nothing can be judged yet. */
  onTimeShare: number | null;
  /** "9 of 10 promises kept on time" / "9 von 10 Versprechen pünktlich gehalten". */
  sentence: string;
  /** "1 late", "2 still open (1 overdue)" — only the parts that are not zero. */
  details: string[];
}

/**
 * A promise done early or on its day counts as kept on time; one still open but not yet due is not
 * judged (it may still be kept), one open past its day counts against us.
 */
export function reliabilityRecord(
  history: ContactHistory,
  settings: Settings,
  now: Date,
): ReliabilityRecord {
  const h = normalizeHistory(history);
  return reliabilityRecordIn(h ? h.commitments : [], createContext(settings, now));
}

/** `reliabilityRecord` of a normalized contact's commitments in one computation's context. */
export function reliabilityRecordIn(
  commitments: ContactHistory['commitments'],
  ctx: CoreContext,
): ReliabilityRecord {
  const L = ctx.s.locale;
  let keptOnTime = 0;
  let late = 0;
  let open = 0;
  let overdue = 0;
  let total = 0;
  for (const c of commitments) {
    const due = ctx.zone.dayOfDate(c.dueAt);
    if (due !== due) continue;
    total++;
    if (c.doneAt) {
      const done = ctx.zone.dayOfDate(c.doneAt);
      if (done === done && done > due) late++;
      else keptOnTime++;
    } else {
      open++;
      if (ctx.valid && due < ctx.today) overdue++;
    }
  }
  const judged = keptOnTime + late + overdue;
  const sentence =
    judged > 0
      ? translate(L, 'reliability.kept', { count: judged, kept: keptOnTime })
      : translate(L, total > 0 ? 'reliability.notDue' : 'reliability.none');
  const details: string[] = [];
  if (late) details.push(translate(L, 'reliability.late', { count: late }));
  if (open)
    details.push(
      overdue
        ? translate(L, 'reliability.openOverdue', { count: open, overdue })
        : translate(L, 'reliability.open', { count: open }),
    );
  return {
    total,
    keptOnTime,
    late,
    open,
    overdue,
    judged,
    onTimeShare: judged > 0 ? keptOnTime / judged : null,
    sentence,
    details,
  };
}
