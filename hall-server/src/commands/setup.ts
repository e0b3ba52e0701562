import type { HallRuntime } from '../runtime/hall-runtime';

// The hall's set-up (settings, categories and items, windows, staff, devices) changed while it
// serves: helper H2 (issue 14) adds its commands here, each a `rt.run(...)` like the others.

export const setupCommands = (_rt: HallRuntime) => ({});
