export { formatNumber, formatPercent } from '@/lib/format'

export const monthLabel = (month: number) => `Tháng ${month}`
export const monthShort = (month: number) => `T${month}`
