'use client'

import React, { useMemo, useState } from 'react'
import {
  sortUnitRows,
  UNIT_COLUMNS,
  type SortDirection,
  type SortKey,
  type UnitRow,
} from '@/reporting/dashboard'
import { Figure } from './Figure'

/**
 * The by-unit table, sortable by name and by each number column: the header buttons toggle the
 * direction and `aria-sort` says the current order. Numbers link to their lists.
 */
export function UnitTable({ rows }: { rows: UnitRow[] }) {
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: 'name',
    direction: 'asc',
  })
  const sorted = useMemo(() => sortUnitRows(rows, sort.key, sort.direction), [rows, sort])
  const toggle = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: key === 'name' ? 'asc' : 'desc' },
    )
  const header = (key: SortKey, label: string, numeric: boolean) => {
    const active = sort.key === key
    return (
      <th
        key={key}
        scope="col"
        className={numeric ? 'cms-num' : undefined}
        aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          className="cms-report__sort"
          onClick={() => toggle(key)}
          data-sort={key}
        >
          {label}
          <span aria-hidden="true" className="cms-report__sort-mark">
            {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
          </span>
        </button>
      </th>
    )
  }
  return (
    <section className="cms-report__section" aria-labelledby="report-units">
      <h2 id="report-units" className="cms-report__h2">
        Theo đơn vị
      </h2>
      {rows.length === 0 ? (
        <p className="cms-muted">Chưa có số liệu theo đơn vị trong năm này.</p>
      ) : (
        <div className="cms-table-wrap">
          <table className="cms-table cms-report__table" data-table="units">
            <caption className="cms-report__caption">
              Bấm tiêu đề cột để sắp xếp; bấm vào số để xem danh sách.
            </caption>
            <thead>
              <tr>
                {header('name', 'Đơn vị', false)}
                {UNIT_COLUMNS.map((c) => header(c.id, c.label, true))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.unit ?? ''} data-unit={r.unit ?? ''}>
                  <th scope="row">{r.name}</th>
                  {UNIT_COLUMNS.map((c) => (
                    <td key={c.id} className="cms-num" data-column={c.id}>
                      <Figure
                        value={r.figures[c.id].value}
                        href={r.figures[c.id].href}
                        label={`${c.label}, ${r.name}`}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
