import { useLayoutEffect, useRef } from 'react';

/**
 * The value of the latest render, for what outlives the render that made it (a retry, a timer,
 * a key listener): read `.current` there, never while rendering. Set once React has committed
 * the render, as a render may be thrown away.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
