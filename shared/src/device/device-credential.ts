import type { DeviceKind } from '../schemas/admin';
import type { EnrolledDevice } from '../schemas/trust';
import { devicePagePath, TOKEN_FRAGMENT_PARAM } from './device-page';

// Where a device page keeps its credential (issue 15): it arrives once in the address's fragment
// (`#token=…`, from the demo banner, an administrator's direct enrolment or the Electron shell),
// or from pairing; the page keeps it in its own storage, one key per kind of device, so a kiosk
// and a pad tried in one browser do not take each other's.

/** The page's storage key for one kind of device's credential. */
export const credentialKey = (kind: DeviceKind) => `hall.device-credential.${kind}`;

/** A fragment's `name=value` parts (a credential is base64url: nothing in it needs decoding). */
const fragmentParts = (hash: string) => hash.replace(/^#/, '').split('&').filter((part) => part !== '');
const isCredentialPart = (part: string) => part.startsWith(`${TOKEN_FRAGMENT_PARAM}=`);

/** The credential an address's fragment carries, or null. */
export function fragmentCredential(hash: string): string | null {
  const token = fragmentParts(hash).find(isCredentialPart)?.slice(TOKEN_FRAGMENT_PARAM.length + 1);
  return token === undefined || token === '' ? null : token;
}

/** The address to show once the credential is taken off it (anything else in the fragment stays). */
export function addressWithoutCredential(location: { pathname: string; search: string; hash: string }): string {
  const rest = fragmentParts(location.hash).filter((part) => !isCredentialPart(part));
  return `${location.pathname}${location.search}${rest.length === 0 ? '' : `#${rest.join('&')}`}`;
}

/**
 * Whether a device's credential fits the page it is shown on: a pad or window screen at its own
 * window's address, any other at its kind's page. Answers the page it belongs on, or null when here.
 */
export function pageElsewhere(device: Pick<EnrolledDevice, 'kind' | 'windowNo'>, page: { kind: DeviceKind; windowNo: number | null }): string | null {
  const here = device.kind === page.kind && (device.windowNo === null || device.windowNo === page.windowNo);
  return here ? null : devicePagePath(device);
}

/**
 * What the Electron shells expose to a device page (as `window.hallDeviceCredential`): a newly
 * paired credential, handed to the shell to keep in its device config across reboots.
 */
export const DEVICE_CREDENTIAL_BRIDGE = 'hallDeviceCredential';
export const DEVICE_CREDENTIAL_CHANNEL = 'device-credential';

export interface DeviceCredentialBridge {
  keep(token: string): Promise<void>;
}
