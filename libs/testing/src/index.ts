export * from './isolated-database';
export * from './score-sheet.factory';
export * from './scored-competition.factory';
export * from './until';
