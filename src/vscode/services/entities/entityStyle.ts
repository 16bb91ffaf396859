import * as vscode from 'vscode';
import type { EntityType } from '../../../core/entities/types';

/**
 * How each entity type looks outside the reader: a codicon and the theme
 * colour the reader's highlights use (media/reader/reader.css), so a type
 * has one colour everywhere and follows the theme.
 */
export const ENTITY_TYPE_STYLE: Readonly<Record<EntityType, { readonly icon: string; readonly color: string }>> = {
  person: { icon: 'person', color: 'charts.blue' },
  organization: { icon: 'organization', color: 'charts.purple' },
  place: { icon: 'location', color: 'charts.green' },
  event: { icon: 'calendar', color: 'charts.orange' },
  other: { icon: 'tag', color: 'charts.yellow' },
};

export function entityIcon(type: EntityType): vscode.ThemeIcon {
  const style = ENTITY_TYPE_STYLE[type];
  return new vscode.ThemeIcon(style.icon, new vscode.ThemeColor(style.color));
}
