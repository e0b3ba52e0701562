import type { ServerEventName, ClientHello } from '../schemas/events';
import { useDevice } from './device-gate';
import { useHallFeed, type HallFeedView } from './use-hall-feed';

/**
 * A device page's hall feed (inside DeviceGate): its hello carries the device's credential (which
 * says which device it is); a connection the server refuses or closes has the gate ask whether it is still paired.
 */
export function useDeviceFeed(hello: Omit<ClientHello, 'token'>, onEvent?: (event: ServerEventName, payload: unknown) => void): HallFeedView {
  const { token, recheck } = useDevice();
  return useHallFeed(window.location.origin, { ...hello, token }, onEvent, recheck);
}
