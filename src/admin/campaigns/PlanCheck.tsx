import type { UIFieldServerProps } from 'payload'
import React from 'react'
import { formatNumber } from '@/lib/format'
import type { Campaign } from '@/payload-types'
import { computeTrainingPlan, countUnitsByKind } from '@/reporting/trainingPlan'
import { planSubtotals, trainingProgrammes, unitKinds } from '@/vocabulary'

const n = formatNumber

/**
 * The campaign's training plan as the annexes print it, computed from its detail rows: the need by
 * unit type (active units × need per unit) and the yearly phasing with its subtotals. A subtotal typed
 * from the printed plan that disagrees is pointed out here, not refused on save.
 */
export async function PlanCheck({ data, payload }: UIFieldServerProps) {
  const campaign = (data ?? {}) as Partial<Campaign>
  if (!campaign.traineeTargets?.length && !campaign.unitKindNeeds?.length) {
    return (
      <p className="cms-muted">
        Khi có kế hoạch đào tạo (theo chương trình, năm hoặc theo loại đơn vị) và đã lưu, bảng đối
        chiếu sẽ hiện ở đây.
      </p>
    )
  }
  const plan = computeTrainingPlan(campaign, await countUnitsByKind(payload))
  return (
    <section className="cms-plan-check" aria-labelledby="plan-check-title">
      <h3 id="plan-check-title">Đối chiếu kế hoạch đào tạo (tính từ các dòng chi tiết đã lưu)</h3>
      {plan.disagreements.length > 0 && (
        <div className="cms-plan-check__warning" role="status">
          <strong>Số tổng ghi trong văn bản khác với tổng tính từ các dòng chi tiết:</strong>
          <ul>
            {plan.disagreements.map((d) => (
              <li key={`${d.row}-${d.year}`}>
                {planSubtotals.label(d.row)}, {d.year ?? 'cả giai đoạn'}: văn bản ghi {n(d.typed)},
                tính được {n(d.computed)} (lệch {n(d.typed - d.computed)}).
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.needs.length > 0 && (
        <table className="cms-table">
          <caption>Nhu cầu theo loại đơn vị</caption>
          <thead>
            <tr>
              <th scope="col">Loại đơn vị</th>
              <th scope="col">Số đơn vị</th>
              <th scope="col">Chuyên gia / đơn vị</th>
              <th scope="col">Chuyên gia</th>
              <th scope="col">Bồi dưỡng / đơn vị</th>
              <th scope="col">Bồi dưỡng</th>
            </tr>
          </thead>
          <tbody>
            {plan.needs.map((r) => (
              <tr key={r.unitKind}>
                <th scope="row">{unitKinds.label(r.unitKind)}</th>
                <td>{n(r.units)}</td>
                <td>{n(r.expertsPerUnit)}</td>
                <td>{n(r.experts)}</td>
                <td>{n(r.traineesPerUnit)}</td>
                <td>{n(r.trainees)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Tổng cộng</th>
              <td colSpan={3}>{n(plan.needTotals.experts)}</td>
              <td colSpan={2}>{n(plan.needTotals.trainees)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {plan.years.length > 0 && (
        <table className="cms-table">
          <caption>Kế hoạch theo chương trình và năm (người)</caption>
          <thead>
            <tr>
              <th scope="col">Chương trình</th>
              {plan.years.map((y) => (
                <th scope="col" key={y}>
                  {y}
                </th>
              ))}
              <th scope="col">Tổng</th>
            </tr>
          </thead>
          <tbody>
            {[...plan.byProgramme].map(([programme, perYear]) => (
              <tr key={programme}>
                <th scope="row">{trainingProgrammes.label(programme)}</th>
                {plan.years.map((y) => (
                  <td key={y}>{n(perYear.get(y) ?? 0)}</td>
                ))}
                <td>{n([...perYear.values()].reduce((a, b) => a + b, 0))}</td>
              </tr>
            ))}
            {planSubtotals.values.map((row) => (
              <tr key={row} className="cms-table__subtotal">
                <th scope="row">{planSubtotals.label(row)}</th>
                {plan.years.map((y) => (
                  <td key={y}>{n(plan.subtotals[row].byYear.get(y) ?? 0)}</td>
                ))}
                <td>{n(plan.subtotals[row].total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export default PlanCheck
