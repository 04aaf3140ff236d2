export { forecastWrittenResponse, type WrittenForecast } from './backlog-eta.service.ts';
export { BACKLOG_QUEUE, type BacklogTarget } from './backlog-snapshot.ts';
export {
  type CalibrationQueue,
  loadCalibration,
  type StoredForecast,
  toStoredForecast,
} from './calibration.service.ts';
export {
  applyCalibration,
  type CalibrationSettings,
  calibrateFromOutcomes,
  defaultCalibrationSettings,
  type EtaCalibration,
  type EtaOutcome,
  initialCalibration,
} from './calibration.ts';
export {
  fitHandlingTime,
  fitLognormal,
  fitPatience,
  type HandlingFit,
  type HandlingTimeModel,
  type PatienceModel,
} from './distributions.ts';
export { registerEtaRoutes } from './eta.routes.ts';
export { type ArrivalContext, EtaEvaluation, type PredictorReport } from './evaluation.ts';
export { type EtaForecast, type ForecastOptions, forecastFirstResponse } from './forecast.ts';
export { type EtaPhraseInput, humaneMinutes, phraseEta } from './phrasing.ts';
export { type EtaLanguage, etaLanguages } from './phrasing-texts.ts';
export { promiseOutcome } from './promise-outcome.ts';
export { findPromisesOf } from './promises.repository.ts';
export { type PromiseInput, recordPromise, resolvePromisesOf } from './promises.service.ts';
export { type ChannelEta, type ChannelEtaSources, PUBLIC_ETA_MAX_AGE_SECONDS } from './public-eta.ts';
export {
  type AgentOnRota,
  canServe,
  type EtaTarget,
  isOnDuty,
  type QueueSnapshot,
  type Shift,
  type WaitingCustomer,
} from './queue-snapshot.ts';
export { seedFrom } from './random.ts';
export { parseTrace, TraceFormatError, type TraceRow } from './trace-format.ts';
export { type ReplayOptions, type ReplayResult, replayTrace } from './trace-replay.ts';
