import { useState } from 'react';
import type { FollowUpView } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { FollowUpItem } from './FollowUpItem';
import type { DateRange, OfficeApi } from './office-api';
import type { FollowUpLists } from './use-follow-ups';

type Tab = 'open' | 'overdue' | 'all';
const TABS: readonly Tab[] = ['open', 'overdue', 'all'];

interface Props {
  lists: FollowUpLists | null;
  /** The span 全部 lists. */
  range: DateRange | null;
  timezone: string;
  /** Arrived while this page was open. */
  fresh: ReadonlySet<string>;
  office: OfficeApi;
  onRecorded(followUp: FollowUpView): void;
  onStale(): void;
}

/** 整改: what is still to do (every day's), what is late, and everything of the span. */
export function FollowUpList({ lists, range, timezone, fresh, office, onRecorded, onStale }: Props) {
  const { t } = useT();
  const [tab, setTab] = useState<Tab>('open');
  const shown: Record<Tab, FollowUpView[]> = {
    open: lists?.open ?? [],
    // Late means not done: every overdue item is still open.
    overdue: lists?.open.filter((f) => f.overdue) ?? [],
    all: lists?.inRange ?? [],
  };
  const items = shown[tab];

  return (
    <section className="office-follow-ups" aria-labelledby="office-follow-ups-title">
      <div className="office-list-head">
        <h2 id="office-follow-ups-title" className="office-section-title">
          {t('office.listTitle')}
        </h2>
        <div className="office-tabs" role="tablist">
          {TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={`office-tab office-tab-${name}`}
              data-tab={name}
              onClick={() => setTab(name)}
            >
              {t(`office.tab.${name}`)}
              <span className="office-tab-count" data-testid={`tab-count-${name}`}>
                {lists ? shown[name].length : t('office.noValue')}
              </span>
            </button>
          ))}
        </div>
      </div>
      {tab === 'all' && range && (
        <p className="office-list-span" data-testid="list-span">
          {range.from === range.to ? t('office.allOfDay', { date: range.from }) : t('office.allOfSpan', { from: range.from, to: range.to })}
        </p>
      )}
      <div className="office-list" role="tabpanel" data-testid="follow-up-list">
        {lists === null ? (
          <p className="office-empty" role="status">
            {t('office.loading')}
          </p>
        ) : items.length === 0 ? (
          <p className="office-empty" data-testid="list-empty">
            {t(`office.empty.${tab}`)}
          </p>
        ) : (
          <ul className="office-items">
            {items.map((followUp) => (
              <FollowUpItem key={followUp.id} followUp={followUp} timezone={timezone} fresh={fresh.has(followUp.id)} office={office} onRecorded={onRecorded} onStale={onStale} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
