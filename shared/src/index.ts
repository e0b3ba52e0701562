export * from './schemas/errors';
export * from './schemas/hall';
export * from './schemas/views';
export * from './schemas/api';
export * from './schemas/events';
export * from './i18n/index';
export * from './format/time';
export * from './format/ticket-number';
