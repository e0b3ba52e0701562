import type { BackupContents } from '@hall/shared';

// What a backup holds, as the backup and restore commands print it: Chinese first, then English.

export function contentsLines(contents: BackupContents): string[] {
  const days =
    contents.firstServiceDate === null
      ? '（还没有服务日 no service days yet）'
      : `${contents.firstServiceDate} 至 to ${contents.lastServiceDate}（${contents.serviceDays} 天 days）`;
  return [
    `  服务日 Service days        ${days}`,
    `  号票 Tickets              ${contents.tickets}`,
    `  评价 Ratings              ${contents.ratings}`,
    `  数据库版本 Schema version  ${contents.schemaVersion}`,
  ];
}
