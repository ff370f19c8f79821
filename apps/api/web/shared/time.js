// Times as the office publishes them: Beijing time, whatever the device's own zone.
import { BEIJING_MINUTE_FORMAT } from '/vocabulary.js';

const { timeZone } = BEIJING_MINUTE_FORMAT;

/** "2026-03-31 17:00" in Beijing time. */
export function beijingTime(iso) {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-CA', BEIJING_MINUTE_FORMAT).formatToParts(new Date(iso));
  const part = (type) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** "09:32:10" in Beijing time: when a tablet last synced, to the second. */
export function beijingClock(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** Today in Beijing (YYYY-MM-DD): the calendar payment dates and report deadlines are written in. */
export function beijingToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}
