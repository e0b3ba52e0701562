export * from './announcer';
export * from './engines';
