import { useCallback, useLayoutEffect, useRef } from 'preact/compat';

// What the phone page's build (vite.phone.config.ts) gives for `react`: Preact's React API,
// plus the one React 19 hook the shared code uses that preact/compat lacks. Plain JavaScript:
// preact/compat's types are declared with `export =`, which TypeScript cannot re-export with `*`.
export * from 'preact/compat';
export { default } from 'preact/compat';

/** React 19's useEffectEvent: a function that always calls the latest render's `handler`. */
export function useEffectEvent(handler) {
  const latestRef = useRef(handler);
  useLayoutEffect(() => {
    latestRef.current = handler;
  });
  return useCallback((...args) => latestRef.current(...args), []);
}
