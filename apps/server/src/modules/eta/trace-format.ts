/**
 * The queue trace format (bench/eta/README.md): CSV with the header
 * `arrived_at,started_at,ended_at,queue,outcome,agent`. Times are ISO 8601 (a time without
 * zone is read as UTC) or seconds (any origin, e.g. Unix seconds). `outcome` is `served` or
 * `abandoned`; an abandoned row has an empty `started_at` and its `ended_at` is when the
 * customer gave up. `agent` is optional.
 */

export type TraceRow = {
  /** 1-based line number in the file, for error messages. */
  line: number;
  arrivedAt: number;
  startedAt: number | null;
  endedAt: number;
  queue: string;
  outcome: 'served' | 'abandoned';
  agent: string | null;
};

export class TraceFormatError extends Error {}

const requiredColumns = ['arrived_at', 'started_at', 'ended_at', 'queue', 'outcome'] as const;

/** Epoch milliseconds from ISO 8601 or a number of seconds. */
function parseTime(text: string, column: string, line: number): number {
  const value = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const ms = Date.parse(hasZone ? value : `${value}Z`);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) {
    throw new TraceFormatError(`line ${line}: ${column} "${value}" is neither an ISO time nor seconds`);
  }
  return ms;
}

export function parseTrace(csv: string): TraceRow[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((c) => c.trim().toLowerCase());
  for (const column of requiredColumns) {
    if (!header.includes(column)) throw new TraceFormatError(`line 1: the header has no ${column} column`);
  }
  const index = (column: string) => header.indexOf(column);
  const rows: TraceRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '') continue;
    const line = i + 1;
    const cells = text.split(',');
    const cell = (column: string) => (index(column) >= 0 ? (cells[index(column)] ?? '').trim() : '');
    const outcome = cell('outcome');
    if (outcome !== 'served' && outcome !== 'abandoned') {
      throw new TraceFormatError(`line ${line}: outcome must be served or abandoned, not "${outcome}"`);
    }
    const arrivedAt = parseTime(cell('arrived_at'), 'arrived_at', line);
    const startedText = cell('started_at');
    const startedAt = startedText === '' ? null : parseTime(startedText, 'started_at', line);
    const endedAt = parseTime(cell('ended_at'), 'ended_at', line);
    if (outcome === 'served' && startedAt === null)
      throw new TraceFormatError(`line ${line}: a served row needs started_at`);
    if (outcome === 'abandoned' && startedAt !== null) {
      throw new TraceFormatError(`line ${line}: an abandoned row has an empty started_at`);
    }
    if ((startedAt ?? arrivedAt) < arrivedAt || endedAt < (startedAt ?? arrivedAt)) {
      throw new TraceFormatError(`line ${line}: times must not go backwards (arrived ≤ started ≤ ended)`);
    }
    rows.push({
      line,
      arrivedAt,
      startedAt,
      endedAt,
      queue: cell('queue') || 'default',
      outcome,
      agent: cell('agent') || null,
    });
  }
  return rows;
}
