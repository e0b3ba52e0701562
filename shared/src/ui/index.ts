// React pieces every screen uses (kiosk, pad, screens, console, phone page). A separate entry
// (`@hall/shared/ui`) so the hall server never loads React.
export * from './i18n';
export * from './use-hall-feed';
export * from './use-now';
export * from './server-gate';
