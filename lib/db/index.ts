export * from './schema';
export * from './errors';
export * from './repo';
export * from './settings';
export * from './meta';
export * from './persist';
export * from './derived';
export * from './dismissals';
