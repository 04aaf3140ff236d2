export { type DetectedLanguage, detectLanguage, supportedLanguages } from './language.ts';
export {
  assessUrgency,
  priorityThresholds,
  type UrgencyAssessment,
  type UrgencyInput,
  type UrgencySignal,
} from './urgency.ts';
export type { SignalKind } from './urgency-signals.ts';
