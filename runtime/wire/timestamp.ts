// TOP's `yyyy-MM-dd HH:mm:ss` in GMT+8 (China has no DST), computed from UTC, never from the host's time zone.
// This module has no imports on purpose: a test runs it alone under other host time zones.

const OFFSET_MS = 8 * 60 * 60 * 1000;
const GMT8_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Formats an instant (a Date or epoch milliseconds) as `yyyy-MM-dd HH:mm:ss` in GMT+8. */
export function formatGmt8(instant: Date | number): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("invalid date");
  const shifted = new Date(Math.floor(ms / 1000) * 1000 + OFFSET_MS);
  const year = shifted.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError("date outside years 0000-9999");
  return (
    `${pad(year, 4)}-${pad(shifted.getUTCMonth() + 1, 2)}-${pad(shifted.getUTCDate(), 2)} ` +
    `${pad(shifted.getUTCHours(), 2)}:${pad(shifted.getUTCMinutes(), 2)}:${pad(shifted.getUTCSeconds(), 2)}`
  );
}

/** Reads `yyyy-MM-dd HH:mm:ss` as GMT+8; undefined when the text is not such a date (or not a real one). */
export function parseGmt8(text: string): Date | undefined {
  const m = GMT8_TEXT.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, 0);
  if (utc.getUTCDate() !== day) return undefined; // 2021-02-30 and the like
  return new Date(utc.getTime() - OFFSET_MS);
}
