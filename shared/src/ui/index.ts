// React pieces every screen uses (kiosk, pad, screens, console, office, phone page). A separate
// entry (`@hall/shared/ui`) so the hall server never loads React.
export * from './i18n';
export * from './use-hall-feed';
export * from './use-now';
export * from './use-clock-offset';
export * from './use-categories';
export * from './use-latest';
export * from './server-gate';

// The staff kit: what a page a staff member signs in to and works at all day is made of.
export * from './staff-page';
export * from './StaffApp';
export * from './StaffSignIn';
export * from './StaffHeader';
export * from './ChangePinDialog';
export * from './NoticeStrip';
export * from './Problem';
export * from './problem-text';
export * from './use-form-submit';
export * from './use-stored-locale';
export * from './use-stored-session';
export * from './device-gate';
export * from './use-device-feed';
