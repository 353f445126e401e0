/**
 * The picker works in the browser's zone; the form keeps a Vietnam wall-clock time
 * (`YYYY-MM-DDTHH:mm`). These carry the same figures across, so a browser elsewhere still picks
 * Vietnam time.
 */
const pad = (n: number) => String(n).padStart(2, '0')

export function wallClockDate(local: string): Date {
  const [day, time = '00:00'] = local.split('T')
  const [y, m, d] = day.split('-').map(Number)
  const [h, min] = time.split(':').map(Number)
  return new Date(y, m - 1, d, h, min)
}

export const wallClockString = (d: Date): string =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
