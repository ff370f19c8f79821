export * from './rational';
export * from './scoring.error';
