// Browsers and Node both have timers; this package compiles with neither DOM nor Node types.
declare function setInterval(handler: () => void, ms: number): number;
declare function clearInterval(id: number): void;
