// The pure relationship core (ARCHITECTURE.md "lib/core"): no browser APIs, no database, no UI, no
// clock — every function takes `now`. The rules are written up in docs/rules.md.

export * from './kinds';
export {
  DAY_MS,
  Zone,
  zoneFor,
  runtimeTimeZone,
  todayIn,
  addDays,
  daysBetween,
  weekdayOf,
  startOfDayIn,
  toEpoch,
  dayIn,
  dayNumberFromCivil,
  civilFromDayNumber,
  dayNumberFromIso,
  isoFromDayNumber,
  weekdayOfDayNumber,
  type DayNumber,
  type CivilDay,
} from './days';
export { resolveSettings, createContext, type CoreSettings, type CoreContext } from './context';
export { nameCollator, collationKey, compareNames, nameSortKey } from './collation';

export {
  computeTiers,
  analyzeTiersIn,
  tierForFigure,
  companyKey,
  type TierResult,
  type TierAnalysis,
  type CustomerUnit,
  type PersonFigures,
  type RevenueSource,
} from './tiers';
export {
  contactInterval,
  feedbackInterval,
  avoidTable,
  isAvoided,
  allowedDayOnOrAfter,
  applyAvoid,
  shiftForAvoid,
  avoidReason,
  hoursAdvice,
  type AvoidTable,
  type AllowedDay,
  type AvoidOutcome,
} from './plan';
export {
  HOLIDAY_REGIONS,
  DEFAULT_WORKING_DAYS,
  holidayRegion,
  holidayRegionName,
  workingDayTable,
  workCalendar,
  nextWorkingDayOnOrAfter,
  type HolidayRegion,
  type WorkCalendar,
  type WorkingDay,
} from './workdays';
export { chooseChannel, type ChannelChoice } from './channel';
export {
  suggestNextTouch,
  listCandidates,
  nextOccurrence,
  contactTouches,
  replyWaitingSince,
  ANNIVERSARY_EVERY_YEARS,
  REFERRAL_THANKS_DAYS,
  CONGRATULATION_DAYS,
  type ContactTouches,
} from './candidates';
export {
  matchOccasion,
  fitsOf,
  relevanceOf,
  concernIsOpen,
  occasionIsCurrent,
  stemMatch,
  OccasionTerms,
  WordStems,
  FIT_SOURCES,
  FIT_THRESHOLD,
  type Fit,
  type FitSource,
  type MatchSubject,
  type OccasionMatch,
} from './match';
export { carriedOccasion, fitsText } from './describe';
export {
  buildAgenda,
  agendaEntries,
  agendaEntriesIn,
  compareAgendaEntries,
  type AgendaSortable,
} from './agenda';
export {
  normalizeHistory,
  normalizeHistories,
  openCommitmentsIn,
  linkReferrals,
  referralsOf,
  firstPurchase,
  broughtOccasionIds,
  lastBrought,
  type Referral,
} from './records';
export {
  riskReasons,
  riskReasonsIn,
  atRiskContacts,
  type RiskKind,
  type RiskReason,
  type AtRiskEntry,
} from './risk';
export { reliabilityRecord, reliabilityRecordIn, type ReliabilityRecord } from './reliability';
export { analyzeLost, type LostAnalysis, type LostEntry, type LostGroup } from './lost';
export {
  tierDistribution,
  paretoSeries,
  upcomingBirthdays,
  lastPersonalContact,
  lastPersonalContactIn,
  referrerFigures,
  occasionOutcomes,
  occasionOutcomesFrom,
  occasionsBroughtIn,
  OCCASION_FOLLOW_DAYS,
  BIRTHDAY_DAYS,
  tierInsights,
  insightPartIn,
  insightsFrom,
  insightsOf,
  type TierInsights,
  type InsightPart,
  type NamedInsightPart,
  type Insights,
  type OccasionBrought,
  type ReferrerFigures,
  type OccasionOutcome,
  type TierDistribution,
  type TierBucket,
  type ParetoPoint,
  type UpcomingBirthday,
  type LastPersonalContact,
} from './insights';
export {
  findDuplicates,
  findDraftDuplicates,
  duplicateGroups,
  similarNames,
  similarSpellings,
  nameSpelling,
  nameTokens,
  nameKey,
  foldText,
  companyMatchKey,
  withinOneEdit,
  type DuplicateReason,
  type NameSpelling,
  type DuplicateMatch,
  type DuplicatePair,
  type PersonDraft,
} from './duplicates';
export { mergeContacts, type MergeResult, type MergedRecords } from './merge';
export {
  ADVICE_FACTS,
  factKey,
  positionChange,
  headlineNamesCompany,
  positionText,
  missingFacts,
  pageNameVerdict,
  nameOnly,
  knownFirst,
  type AdviceFact,
  type Acquaintance,
  type PagePosition,
  type PositionChange,
} from './page-facts';
