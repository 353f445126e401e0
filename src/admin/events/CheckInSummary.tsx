import type { UIFieldServerProps } from 'payload'
import React from 'react'
import { checkInCounts } from '@/checkIn/counts'
import { CHECK_IN_PATH } from '@/checkIn/paths'
import { formatNumber } from '@/lib/format'
import type { Event } from '@/payload-types'
import { audienceGroups, ParticipantsSource } from '@/vocabulary'

const n = (v: number | null | undefined) => (v == null ? '—' : formatNumber(v))

/**
 * The event's check-ins beside the figures typed in, per audience group, with the one the reports
 * use marked; and the check-in page's address with its QR code to print.
 */
export async function CheckInSummary({ data, payload }: UIFieldServerProps) {
  const event = (data ?? {}) as Partial<Event>
  const code = event.checkIn?.code
  if (!event.id || !code)
    return <p className="cms-muted">Lưu sự kiện để có trang điểm danh và mã QR.</p>
  const counts = await checkInCounts(payload, event.id)
  const usesCheckIn = event.checkIn?.participantsSource === ParticipantsSource.CheckIn
  const page = `${CHECK_IN_PATH}/${code}`
  return (
    <section aria-labelledby="check-in-summary">
      <h3 id="check-in-summary">Số người tham dự: nhập tay và điểm danh</h3>
      <table className="cms-table">
        <thead>
          <tr>
            <th scope="col">Thành phần</th>
            <th scope="col">Nhập tay{usesCheckIn ? '' : ' (báo cáo dùng)'}</th>
            <th scope="col">Điểm danh{usesCheckIn ? ' (báo cáo dùng)' : ''}</th>
          </tr>
        </thead>
        <tbody>
          {audienceGroups.values.map((g) => (
            <tr key={g}>
              <th scope="row">{audienceGroups.label(g)}</th>
              <td>{n(event.audience?.[g])}</td>
              <td>{n(counts.byGroup[g])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Tổng số</th>
            <td>{n(event.actualParticipants)}</td>
            <td>{n(counts.total)}</td>
          </tr>
        </tbody>
      </table>
      <p>
        Trang điểm danh: <a href={page}>{page}</a> · Mã QR:{' '}
        <a href={`${page}/ma-qr.png`}>ảnh PNG</a>,{' '}
        <a href={`${page}/ma-qr.pdf?mau=ap-phich`}>áp phích A4 (PDF)</a>,{' '}
        <a href={`${page}/ma-qr.pdf?mau=the-ban`}>thẻ để bàn (PDF)</a>
      </p>
    </section>
  )
}

export default CheckInSummary
