import { useCallback, useState } from 'react';

// A visitor waits with the phone in a pocket or on another app: when the ticket is called the
// phone vibrates where the browser allows it (not iOS Safari), and shows a notification if the
// visitor allowed them. Browsers ask for that permission only after a tap, hence the button.

export type AlertPermission = NotificationPermission | 'unsupported';

const currentPermission = (): AlertPermission => ('Notification' in window ? Notification.permission : 'unsupported');

/** The notification permission, and the tap handler that asks for it. */
export function useNotificationPermission(): [AlertPermission, () => void] {
  const [permission, setPermission] = useState(currentPermission);
  const ask = useCallback(() => {
    if (!('Notification' in window)) return;
    void Notification.requestPermission().then(setPermission, () => setPermission(currentPermission()));
  }, []);
  return [permission, ask];
}

/** Tells the visitor they are called: vibration, and a notification if allowed. */
export function alertCalled(title: string, body: string, number: string): void {
  if ('vibrate' in navigator) navigator.vibrate([400, 200, 400, 200, 400]);
  if (currentPermission() !== 'granted') return;
  try {
    new Notification(title, { body, tag: `call-${number}`, requireInteraction: true });
  } catch {
    // Android's Chrome shows notifications from a service worker only: the vibration and the
    // page's title still tell the visitor.
  }
}
