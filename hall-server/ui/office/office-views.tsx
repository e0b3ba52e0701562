import type { ComponentType } from 'react';
import type { ApiClient, HallSnapshot, MessageKey } from '@hall/shared';
import type { OfficeApi } from './office-api';
import type { Notice } from './OfficeNotices';
import { LiveHall } from './LiveHall';
import { LIVE_VIEW_ID } from './LiveAlertCount';
import { MonthlyReportView } from './monthly/MonthlyReportView';
import { SummaryView } from './monthly/SummaryView';
import { LeaderDutyView } from './LeaderDutyView';
import { OnsiteView } from './OnsiteView';

// The office page's views beside its desk (today's figures and the follow-ups): each is its own
// component, picked from the bar under the header. A view is one entry here.

export interface OfficeViewProps {
  api: ApiClient;
  office: OfficeApi;
  /** The office session's token, for requests the OfficeApi does not make. */
  token: string;
  /** The hall as the server keeps telling it (live); null until the first snapshot. */
  snapshot: HallSnapshot | null;
  timezone: string;
  /** Something to tell the duty captain in the notice strip. */
  notify(notice: Notice): void;
}

export interface OfficeView {
  id: string;
  label: MessageKey;
  View: ComponentType<OfficeViewProps>;
}

/** The views after the desk, in the bar's order. */
export const OFFICE_VIEWS: readonly OfficeView[] = [
  // 大厅实况 and its alerts to the duty captain (issue 16, H3): first after the desk.
  { id: LIVE_VIEW_ID, label: 'office.view.live', View: LiveHall },
  // issue 16 H4: the monthly window report (月度通报) and any span's summary (报表).
  { id: 'monthly', label: 'office.view.monthly', View: MonthlyReportView },
  { id: 'summary', label: 'office.view.summary', View: SummaryView },
  { id: 'leader-duty', label: 'office.view.leaderDuty', View: LeaderDutyView },
  { id: 'onsite', label: 'office.view.onsite', View: OnsiteView },
];
