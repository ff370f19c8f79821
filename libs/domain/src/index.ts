export * from './domain-error-code';
export * from './domain-error';
export * from './validation-messages';
