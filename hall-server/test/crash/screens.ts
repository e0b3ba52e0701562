import { connectHallFeed, type ClientHello, type DeviceFault, type HallFeed, type HallSnapshot, type HelpRequestView, type ServerEventName, type WindowView } from '@hall/shared';

// The hall's screens as the pages run them: the pages' own line to the hall (connectHallFeed,
// with its reconnection delays), left connected across the kills. Every picture a screen has is
// kept with its time, to find when it was current again after a restart.

export interface HallPicture {
  serviceDate: string;
  windows: WindowView[];
  categories: { code: string; waiting: number }[];
  deviceFaults: DeviceFault[];
  helpRequests: HelpRequestView[];
  /** [number, window, recall], newest first. */
  recentCalls: [string, number, boolean][];
}

interface Seen {
  at: number;
  event: ServerEventName | null;
  state: HallSnapshot | null;
}

const byKey = <T>(list: readonly T[], key: (t: T) => string) => [...list].sort((a, b) => key(a).localeCompare(key(b)));

/** What of the screen's picture differs from the hall's, or null when it is the hall's. */
export function pictureDiff(state: HallSnapshot | null, want: HallPicture): string | null {
  if (state === null) return 'no picture';
  const got: HallPicture = {
    serviceDate: state.serviceDate,
    windows: state.windows,
    categories: state.categories,
    deviceFaults: byKey(state.deviceFaults, (f) => f.deviceId),
    helpRequests: byKey(state.helpRequests, (h) => h.id),
    recentCalls: state.recentCalls.map((c) => [c.number, c.windowNo, c.recall]),
  };
  const wanted = { ...want, deviceFaults: byKey(want.deviceFaults, (f) => f.deviceId), helpRequests: byKey(want.helpRequests, (h) => h.id) };
  for (const part of Object.keys(wanted) as (keyof HallPicture)[]) {
    if (JSON.stringify(got[part]) !== JSON.stringify(wanted[part])) return `${part}: ${JSON.stringify(got[part])} instead of ${JSON.stringify(wanted[part])}`;
  }
  return null;
}

export class Screen {
  private readonly seen: Seen[] = [];
  private readonly feed: HallFeed;
  private listeners: (() => void)[] = [];

  constructor(
    readonly name: string,
    base: string,
    hello: ClientHello,
  ) {
    this.feed = connectHallFeed(base, hello, {
      onState: (state) => this.seen.push({ at: performance.now(), event: null, state }),
      onConnection: () => undefined,
      onEvent: (event) => {
        this.seen[this.seen.length - 1]!.event = event;
        for (const listener of this.listeners) listener();
      },
    });
  }

  /** A mark in what the screen has seen: pictures after it came from the server as it is now. */
  mark(): number {
    return this.seen.length;
  }

  /**
   * When the screen, after `mark`, first had a fresh snapshot and a picture equal to `want`
   * (performance.now()); waits for it up to `timeoutMs`.
   */
  currentAt(mark: number, want: HallPicture, timeoutMs = 10_000): Promise<number> {
    return new Promise((resolve, reject) => {
      let diff = 'nothing received';
      const look = (): boolean => {
        let snapshot = false;
        for (const seen of this.seen.slice(mark)) {
          snapshot ||= seen.event === 'hall:snapshot';
          if (!snapshot) continue;
          const d = pictureDiff(seen.state, want);
          if (d === null) {
            resolve(seen.at);
            return true;
          }
          diff = d;
        }
        return false;
      };
      if (look()) return;
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`the ${this.name} was not current within ${timeoutMs} ms: ${diff}`));
      }, timeoutMs);
      const listener = () => {
        if (!look()) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
      };
      this.listeners.push(listener);
    });
  }

  close(): void {
    this.feed.close();
  }
}
