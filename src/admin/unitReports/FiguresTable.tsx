import type { UIFieldServerProps } from 'payload'
import React from 'react'
import { formatNumber, formatPercent } from '@/lib/format'
import { formatDateTimeVn } from '@/lib/time'
import { percentOf } from '@/reporting/dashboard'
import type { FigureRow } from '@/reporting/unitReports/figures'
import { figureGroups, type FigureGroup } from '@/vocabulary'

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI']

/**
 * A unit report's figures as the printed form lays them out: one read-only table, a section per
 * group (I. Sản phẩm…, II. Đào tạo…), numbered lines, the plan's target beside what was done and
 * the share reached, numbers grouped the Vietnamese way. The `figures` array stays the stored
 * data (pre-filled by the server, hidden in the form); this only presents it.
 */
export function FiguresTable({ data }: UIFieldServerProps) {
  const report = (data ?? {}) as {
    figures?: FigureRow[] | null
    figuresAt?: string | null
    year?: number
  }
  const rows = report.figures ?? []
  const groups = figureGroups.values
    .map((g: FigureGroup) => ({ group: g, rows: rows.filter((r) => r.group === g) }))
    .filter((g) => g.rows.length)
  return (
    <section className="cms-figures field-type" aria-labelledby="report-figures-title">
      <h3 id="report-figures-title" className="cms-figures__title">
        Số liệu kết quả thực hiện năm {report.year ?? ''}
      </h3>
      <p className="cms-figures__note">
        {report.figuresAt
          ? `Tự động từ số liệu tổng hợp, tính lúc ${formatDateTimeVn(report.figuresAt)}. `
          : ''}
        Cập nhật mỗi lần lưu khi đang soạn; giữ nguyên từ khi nộp.
      </p>
      {groups.length === 0 ? (
        <p className="cms-figures__note" id="report-figures-empty">
          Chưa có số liệu: bảng được điền khi lưu báo cáo.
        </p>
      ) : (
        <div className="cms-table-wrap">
          <table className="cms-table cms-figures__table" id="report-figures">
            <thead>
              <tr>
                <th scope="col">STT</th>
                <th scope="col">Nội dung</th>
                <th scope="col" className="cms-num">
                  Chỉ tiêu
                </th>
                <th scope="col" className="cms-num">
                  Thực hiện
                </th>
                <th scope="col" className="cms-num">
                  Tỷ lệ
                </th>
              </tr>
            </thead>
            {groups.map((g, gi) => (
              <tbody key={g.group} data-group={g.group}>
                <tr className="cms-figures__group">
                  <th scope="rowgroup">{ROMAN[gi]}</th>
                  <th scope="rowgroup" colSpan={4}>
                    {figureGroups.label(g.group)}
                  </th>
                </tr>
                {g.rows.map((r, i) => (
                  <tr key={`${g.group}-${i}`} data-figure={r.label}>
                    <td>{i + 1}</td>
                    <th scope="row">{r.label}</th>
                    <td className="cms-num">{r.target == null ? '' : formatNumber(r.target)}</td>
                    <td className="cms-num" data-value={r.value}>
                      {formatNumber(r.value ?? 0)}
                    </td>
                    <td className="cms-num">
                      {r.target == null ? '' : formatPercent(percentOf(r.value ?? 0, r.target))}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  )
}
