import { deviceFaultText, formatElapsed, type HallSnapshot, type OfficeLiveReply } from '@hall/shared';
import { useT } from '@hall/shared/ui';

interface Props {
  snapshot: HallSnapshot;
  live: OfficeLiveReply;
  now: number;
  onHelpHandled(id: string): void;
}

/** The kiosks' and pads' troubles: 呼叫导服员 (seen to from here), faults, and those without their line. */
export function LiveDevices({ snapshot, live, now, onHelpHandled }: Props) {
  const { t, locale } = useT();
  const offline = live.devices.filter((d) => d.offlineSince !== null);
  const quiet = snapshot.helpRequests.length === 0 && snapshot.deviceFaults.length === 0;
  return (
    <section className="live-devices" aria-labelledby="live-devices-title">
      <h2 id="live-devices-title" className="office-section-title">
        {t('live.devicesTitle')}
      </h2>
      <ul className="live-device-list">
        {snapshot.helpRequests.map((help) => (
          <li key={help.id} className="live-device-problem live-help" data-testid="live-help">
            <span>{t('console.helpRequested', { place: help.place })}</span>
            <button type="button" className="office-help-handled" onClick={() => onHelpHandled(help.id)}>
              {t('console.helpHandled')}
            </button>
          </li>
        ))}
        {snapshot.deviceFaults.map((fault) => (
          <li key={`${fault.deviceId}:${fault.part}`} className="live-device-problem" data-testid="live-fault">
            {deviceFaultText(fault, locale)}
          </li>
        ))}
        {quiet && <li>{t('live.devicesFine')}</li>}
        <li data-testid="live-devices-online">{t('live.devicesOnline', { online: live.devices.length - offline.length, all: live.devices.length })}</li>
        {offline.map((device) => (
          <li key={device.deviceId} className="live-device-offline">
            {t('live.deviceOffline', { name: device.name, elapsed: formatElapsed(now - Date.parse(device.offlineSince!), locale) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
