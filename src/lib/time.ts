/** The province's time zone: UTC+7 all year, no daylight saving. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh'

export const vietnamTimezone = {
  defaultTimezone: TIME_ZONE,
  supportedTimezones: [{ label: 'Giờ Việt Nam (UTC+7)', value: TIME_ZONE }],
}

/** "17:30 22/11/2026" (vi-VN order) in Vietnam time, for messages and exports. */
export const formatVietnamTime = (date: Date | string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(date))
