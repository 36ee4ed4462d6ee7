// Every user-visible text and the one formatter of numbers and days (lib/i18n is pure: no browser,
// no database, no UI). lib/core renders its reasons through it; the pages through `makeT`.
export * from './locale';
export * from './numbers';
export * from './format';
export * from './translate';
export * from './errors';
