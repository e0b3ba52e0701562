import { useEffect, useState } from 'react';

/**
 * How far the server's clock is ahead of this PC's, from the time the hall's snapshot was taken:
 * the hall's time (closing time, when a ticket was called) is the server's, and a PC's may be off.
 */
export function useClockOffset(serverTime: string | undefined): number {
  const [offsetMs, setOffsetMs] = useState(0);
  useEffect(() => {
    // Measured against this machine's clock when the server's time arrives: the clock cannot be read while rendering.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (serverTime !== undefined) setOffsetMs(Date.parse(serverTime) - Date.now());
  }, [serverTime]);
  return offsetMs;
}
