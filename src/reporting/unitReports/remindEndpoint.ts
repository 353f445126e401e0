import { INVALID_JSON, invalidJsonResponse, readBody } from '@/lib/jsonBody'
import type { Endpoint } from 'payload'
import { canRemindUnit } from '@/access/remindUnits'
import { vnYearMonth } from '@/lib/time'
import { sendManualReminder } from './reminders'

const error = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status })

/**
 * `POST /api/report-reminders/send` `{ unit, year }` (year: this year in Vietnam by default): the
 * board's "Gửi nhắc nhở". 201 with the reminder recorded; refusals in Vietnamese, nothing recorded.
 */
export const sendReminderEndpoint: Endpoint = {
  path: '/send',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return error(401, 'Bạn cần đăng nhập để gửi nhắc nhở.')
    const body = await readBody(req)
    if (body === INVALID_JSON) return invalidJsonResponse()
    const { unit, year: rawYear } = (body ?? {}) as { unit?: unknown; year?: unknown }
    const year =
      rawYear === undefined || rawYear === null || rawYear === ''
        ? vnYearMonth(new Date()).year
        : Number(rawYear)
    if (typeof unit !== 'string' || !unit) return error(400, 'Hãy chọn đơn vị cần nhắc.')
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      return error(400, 'Năm báo cáo không hợp lệ (từ 2000 đến 2100).')
    if (!(await canRemindUnit(req, unit)))
      return error(
        403,
        'Chỉ Sở TT&TT (quản lý chiến dịch, quản trị) hoặc lãnh đạo đơn vị cấp trên được gửi nhắc nhở cho đơn vị này.',
      )
    const sent = await sendManualReminder(req.payload, { unit, year, sentBy: req.user.id })
    if (!sent.ok) return error(sent.status, sent.message)
    return Response.json(sent, { status: 201 })
  },
}
