import type { MessageKey } from '@hall/shared';

// The admin page's sections, in the menu's order. A duty captain sees the roster and the
// notice; the server refuses them the rest anyway (FORBIDDEN).

export const sections = ['categories', 'windows', 'staff', 'devices', 'settings', 'roster', 'notice', 'audit', 'transfer', 'backups'] as const;
export type Section = (typeof sections)[number];

const captainSections: readonly Section[] = ['roster', 'notice'];

export function sectionsFor(roles: readonly string[]): readonly Section[] {
  return roles.includes('admin') ? sections : roles.includes('captain') ? captainSections : [];
}

export const sectionTitle = (section: Section): MessageKey => `admin.section.${section}`;
