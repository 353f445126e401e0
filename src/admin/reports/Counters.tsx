import React from 'react'
import type { Counter } from '@/reporting/dashboard'
import { dashboardCounters } from '@/vocabulary'
import { Figure } from './Figure'

/** "Năm nay trong nháy mắt": one card per counter, each number linked to its rows. */
export function Counters({ counters }: { counters: Counter[] }) {
  return (
    <section className="cms-report__section" aria-labelledby="report-counters">
      <h2 id="report-counters" className="cms-report__h2">
        Tổng quan năm
      </h2>
      <ul className="cms-report__counters">
        {counters.map((c) => {
          const label = dashboardCounters.label(c.id)
          return (
            <li key={c.id} className="cms-report__counter" data-counter={c.id}>
              <span className="cms-report__counter-label">{label}</span>
              <span className="cms-report__counter-value">
                <Figure value={c.value} href={c.href} label={label} />
              </span>
              {c.parts && (
                <ul className="cms-report__parts" aria-label={`${label} theo loại`}>
                  {c.parts.map((p) => (
                    <li key={p.id} data-part={p.id}>
                      {p.label}:{' '}
                      <Figure value={p.value} href={p.href} label={`${label}, ${p.label}`} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
