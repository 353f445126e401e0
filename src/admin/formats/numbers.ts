/**
 * Vietnamese numbers in the admin: "1.450.000.000" and "4,5". Shared by the number input, the list
 * cells and the tests; no React here so the server and the tests can use it.
 */
const display = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })
// While editing, keep every decimal the value has (a typed 12,345 must not become 12,35).
const editing = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 10 })

/** A figure to read: grouped, at most two decimals, comma as the decimal separator. */
export const formatFigure = (n: number | null | undefined): string =>
  typeof n === 'number' && Number.isFinite(n) ? display.format(n) : ''

/** A figure to edit: grouped, every decimal kept. */
export const formatForInput = (n: number | null | undefined): string =>
  typeof n === 'number' && Number.isFinite(n) ? editing.format(n) : ''

// 1.450.000.000 or 1450000000, optionally with ",5"; a minus sign in front. Spaces are ignored.
const GROUPED = /^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/
const PLAIN = /^-?\d+(?:,\d+)?$/

/**
 * What a person typed, read the Vietnamese way: null when empty, NaN when it is not a number written
 * that way ("4.5" is neither 4,5 nor a thousands group, so it is refused rather than guessed).
 */
export function parseVietnameseNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, '')
  if (!s) return null
  if (!GROUPED.test(s) && !PLAIN.test(s)) return Number.NaN
  return Number(s.replace(/\./g, '').replace(',', '.'))
}

/** The message for text that is not a Vietnamese number. */
export const NOT_A_NUMBER =
  'Số không hợp lệ: nhóm hàng nghìn bằng dấu chấm, phần thập phân sau dấu phẩy (ví dụ 1.450.000 hoặc 4,5).'
