// The hall's set-up edited while it serves: one command per thing, each ending in applySetup.
export { setupChanges, ORDER_KEY } from './changes';
export { setupFile, requireAdmin, type BookedAppointment, type RosteredDay } from './apply';
export { setWindow, removeWindow } from './windows';
export { setCategory, removeCategory } from './categories';
export { setStaff, resetPin } from './staff';
export { setDevice, type SetupDevice } from './devices';
export { setSettings, parseSetupFile, replaceSetup, type ReplacedSetup } from './whole';
export { setupVersion } from './version';
