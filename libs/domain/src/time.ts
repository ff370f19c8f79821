/**
 * How a time reads to a person: as the office publishes it, in Beijing, whatever the server's or the
 * device's own zone. The pages format with the same options (served in /vocabulary.js).
 */
export const BEIJING_TIME_ZONE = 'Asia/Shanghai';

export const BEIJING_MINUTE_FORMAT: Readonly<Intl.DateTimeFormatOptions> = {
  timeZone: BEIJING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** "2026-03-31 17:00": times as the office publishes them, in Beijing time. */
export function beijingTime(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', BEIJING_MINUTE_FORMAT).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
