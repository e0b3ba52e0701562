// Browsers, Node and Electron all have timers; this package compiles with neither DOM nor Node
// types, so it declares the little it uses.
declare function setTimeout(handler: () => void, ms: number): unknown;
declare function setInterval(handler: () => void, ms: number): number;
declare function clearInterval(id: number): void;
declare function clearTimeout(id: unknown): void;
