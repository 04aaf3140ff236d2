export { type ArrivalTriage, languageConfidenceThreshold, triageMessage } from './arrival.ts';
export { type DetectedLanguage, detectLanguage, supportedLanguages } from './language.ts';
export { registerTopicRoutes } from './topics.routes.ts';
export {
  findTopicForAgent,
  findTopicSuggestionOf,
  setTopicByAgent,
  topicCrontab,
  topicTasks,
  trainTopicClassifier,
} from './topics.service.ts';
export { clearSuggestion } from './triage.repository.ts';
export { type ArrivalInput, findSuggestionOf, triageArrival } from './triage.service.ts';
export {
  assessUrgency,
  priorityThresholds,
  type UrgencyAssessment,
  type UrgencyInput,
  type UrgencySignal,
} from './urgency.ts';
export type { SignalKind } from './urgency-signals.ts';
