/** Numbers as Vietnamese write them: 1.234.567 and 4,5 (up to two decimals, as minutes are kept). */
const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })
export const formatNumber = (n: number) => number.format(n)

/** A percentage with one decimal: "37,5%". */
const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 })
export const formatPercent = (p: number) => `${percent.format(p)}%`
