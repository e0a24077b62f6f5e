// Localised names for the identifiers the API sends: roles, unit kinds and audit actions.
import { useTranslation } from 'react-i18next';
import type { Role, UnitKind } from '../../modules/identity/roles.js';
import zhCN from '../i18n/zh-CN.js';

type ActionKey = keyof typeof zhCN.actions;

function actionKey(action: string): ActionKey | null {
  const key = action.replaceAll('.', '_');
  return key in zhCN.actions ? (key as ActionKey) : null;
}

export function useLabels() {
  const { t } = useTranslation();
  return {
    role: (role: Role) => t(`roles.${role}`),
    unitKind: (kind: UnitKind) => t(`unitKinds.${kind}`),
    /** The action's name where we have one, else its code (new actions appear before their names). */
    action: (action: string) => {
      const key = actionKey(action);
      return key ? t(`actions.${key}`) : action;
    },
  };
}
