import { useEffect, useLayoutEffect, useRef } from 'react';

/** Runs `callback(value)` once `value` has stopped changing for `delay` ms (search-as-you-type). */
export function useDebouncedEffect<T>(value: T, delay: number, callback: (value: T) => void) {
  const latest = useRef(callback);
  // Kept current after each render (not during it), before any timer can fire.
  useLayoutEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    const timer = setTimeout(() => latest.current(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
}
