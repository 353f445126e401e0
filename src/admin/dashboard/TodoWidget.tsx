import Link from 'next/link'
import type { Payload, TypedUser } from 'payload'
import React from 'react'
import { canSchedule } from '@/admin/schedule/canSchedule'
import { isCrossUnit } from '@/access/roles'
import { formatFigure } from '../formats/numbers'
import { loadTodo } from './todo'
import { todoProviders } from './providers'
import '../admin-views.css'
import './dashboard.css'

/**
 * The dashboard's first block: "Việc cần làm" for the user's role (src/admin/dashboard/providers.ts),
 * each item a link to where it is done, and the everyday views one click away, since the side
 * navigation is collapsed at 1366 px.
 */
export async function TodoWidget({ payload, user }: { payload: Payload; user?: TypedUser }) {
  if (!user) return null
  const adminRoute = payload.config.routes.admin
  const items = await loadTodo({ payload, user, now: new Date(), adminRoute }, todoProviders)
  const shortcuts = [
    { href: `${adminRoute}/calendar`, label: 'Lịch đăng', id: 'go-calendar' },
    ...(canSchedule(user)
      ? [{ href: `${adminRoute}/schedule`, label: 'Lên lịch nhiều kênh', id: 'go-schedule' }]
      : []),
    { href: `${adminRoute}/reports`, label: 'Báo cáo, thống kê', id: 'go-reports' },
    ...(isCrossUnit(user)
      ? [
          {
            href: `${adminRoute}/report-submissions`,
            label: 'Theo dõi nộp báo cáo',
            id: 'go-submissions',
          },
        ]
      : []),
    { href: `${adminRoute}/export`, label: 'Xuất báo cáo', id: 'go-export' },
  ]
  return (
    <section className="cms-widget cms-todo" aria-labelledby="cms-todo-title">
      <nav className="cms-todo__shortcuts" aria-label="Đi nhanh">
        {shortcuts.map((s) => (
          <Link key={s.id} id={s.id} href={s.href} className="cms-todo__shortcut" prefetch={false}>
            {s.label}
          </Link>
        ))}
      </nav>
      <h2 id="cms-todo-title" className="cms-widget__title">
        Việc cần làm
      </h2>
      {items.length === 0 ? (
        <p className="cms-widget__lead" id="cms-todo-empty">
          Không có việc nào đang chờ bạn.
        </p>
      ) : (
        <ul className="cms-todo__list">
          {items.map((item) => (
            <li
              key={item.key}
              data-todo={item.key}
              className={`cms-todo__item cms-todo--${item.tone}`}
            >
              <Link href={item.href} prefetch={false} className="cms-todo__link">
                {item.count !== null && (
                  <span className="cms-todo__count">{formatFigure(item.count)}</span>
                )}
                <span className="cms-todo__label">{item.label}</span>
                {item.detail && <span className="cms-todo__detail">{item.detail}</span>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export default TodoWidget
