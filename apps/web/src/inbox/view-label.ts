import { useTranslation } from 'react-i18next';
import { useSlaText } from '../sla/texts.ts';
import type { BuiltInView } from './view-definitions.ts';

/** A built-in view's name; the SLA views keep their texts beside the SLA feature. */
export function useBuiltInViewLabel() {
  const { t } = useTranslation();
  const { text } = useSlaText();
  return (view: BuiltInView) => {
    if (view.id === 'at-risk') return text('viewAtRisk');
    if (view.id === 'breached') return text('viewBreached');
    return t(`views.${view.id}`);
  };
}
