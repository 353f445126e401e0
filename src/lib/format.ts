/** 1.234.567: numbers as Vietnamese readers write them. */
export const formatNumber = (n: number) => new Intl.NumberFormat('vi-VN').format(n)
