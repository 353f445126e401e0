import { serverUrl } from '@/lib/env'

/**
 * Where the check-in pages live: /diem-danh/<code> (the event's random check-in code). Kept apart
 * from the router so the admin (bundled by Next) does not pull in pdfkit and its fonts.
 */
export const CHECK_IN_PATH = '/diem-danh'
export const checkInUrl = (code: string) => `${serverUrl()}${CHECK_IN_PATH}/${code}`
