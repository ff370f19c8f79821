export * from './domain-error-code';
export * from './domain-error';
export * from './validation-messages';
export * from './competition-lifecycle';
export * from './competition-rules';
export * from './vocabulary';
export * from './competition-presets';
