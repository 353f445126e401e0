import { addDataAndFileToRequest, type Endpoint } from 'payload'
import { isCrossUnit } from '@/access/roles'
import { importTaskTable } from '@/reporting/tasks/import'

const json = (status: number, body: unknown) => Response.json(body, { status })

/**
 * POST /api/plan-tasks/import (multipart: `file` an XLSX or CSV, and `_payload`, Payload's JSON of
 * the other fields: `campaign` the plan's id, `confirm` "1" to save): without `confirm` a preview that saves nothing; with it, the whole table
 * or nothing. Problems come back as `errors`, one per row and column, in Vietnamese. Campaign
 * managers and admins only (they write the task register).
 */
export const importTaskTableEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return json(401, { errors: [{ message: 'Bạn cần đăng nhập.' }] })
    if (!isCrossUnit(req.user))
      return json(403, {
        errors: [
          { message: 'Chỉ quản lý chiến dịch (Sở TT&TT) được nhập bảng nhiệm vụ của kế hoạch.' },
        ],
      })
    await addDataAndFileToRequest(req)
    const data = (req.data ?? {}) as { campaign?: string; confirm?: string }
    if (!data.campaign)
      return json(400, { errors: [{ message: 'Chưa chọn kế hoạch (chiến dịch).' }] })
    if (!req.file?.data?.length)
      return json(400, { errors: [{ message: 'Chưa chọn tệp bảng nhiệm vụ (.xlsx hoặc .csv).' }] })
    const result = await importTaskTable(req.payload, data.campaign, Buffer.from(req.file.data), {
      confirm: data.confirm === '1' || data.confirm === 'true',
    })
    if (!result.ok)
      return json(400, {
        ...result,
        errors: result.problems.map((message) => ({ message })),
        message: `Tệp có ${result.problems.length} lỗi; chưa lưu nhiệm vụ nào. Sửa các ô được nêu rồi nhập lại.`,
      })
    return json(result.saved ? 201 : 200, {
      ...result,
      message: result.saved
        ? `Đã lưu ${result.rows.length} nhiệm vụ: ${result.created} mới, ${result.updated} cập nhật.`
        : `Xem trước ${result.rows.length} nhiệm vụ: ${result.created} sẽ thêm mới, ${result.updated} sẽ cập nhật. Chưa lưu gì.`,
    })
  },
}
