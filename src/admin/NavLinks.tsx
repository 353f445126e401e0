'use client'

import { NavGroup, useAuth, useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import React from 'react'
import { isCrossUnit } from '@/access/roles'
import { canSchedule } from './schedule/canSchedule'

type NavItem = { href: string; label: string; id: string }

/** One group of our links in the admin's side navigation, styled like its own. */
function Group({
  label,
  links,
  pathname,
}: {
  label: string
  links: NavItem[]
  pathname: string | null
}) {
  return (
    <NavGroup label={label} isOpen>
      {links.map((link) => {
        const active = pathname === link.href
        const text = (
          <>
            {active && <div className="nav__link-indicator" />}
            <span className="nav__link-label">{link.label}</span>
          </>
        )
        return active ? (
          <div key={link.id} className="nav__link" id={link.id}>
            {text}
          </div>
        ) : (
          <Link key={link.id} className="nav__link" href={link.href} id={link.id} prefetch={false}>
            {text}
          </Link>
        )
      })}
    </NavGroup>
  )
}

/** "Lập lịch" (calendar, multi-channel scheduling) and "Tổng hợp và xuất báo cáo" (the reports page, for every logged-in role; named apart from the collections' "Báo cáo" group). */
export function NavLinks() {
  const { user } = useAuth()
  const { config } = useConfig()
  const pathname = usePathname()
  if (!user) return null
  const adminRoute = config.routes.admin
  const planning = [
    { href: `${adminRoute}/calendar`, label: 'Lịch tháng / tuần', id: 'nav-calendar' },
    ...(canSchedule(user)
      ? [{ href: `${adminRoute}/schedule`, label: 'Lên lịch nhiều kênh', id: 'nav-schedule' }]
      : []),
    { href: `${adminRoute}/task-board`, label: 'Bảng nhiệm vụ kế hoạch', id: 'nav-task-board' },
    ...(isCrossUnit(user)
      ? [{ href: `${adminRoute}/task-import`, label: 'Nhập bảng nhiệm vụ', id: 'nav-task-import' }]
      : []),
  ]
  return (
    <>
      <Group label="Lập lịch" links={planning} pathname={pathname} />
      <Group
        label="Tổng hợp và xuất báo cáo"
        links={[
          { href: `${adminRoute}/reports`, label: 'Báo cáo, thống kê', id: 'nav-reports' },
          {
            href: `${adminRoute}/report-submissions`,
            label: 'Theo dõi nộp báo cáo',
            id: 'nav-report-submissions',
          },
          { href: `${adminRoute}/export`, label: 'Xuất báo cáo', id: 'nav-export' },
          { href: `${adminRoute}/unit-tree`, label: 'Cây đơn vị', id: 'nav-unit-tree' },
        ]}
        pathname={pathname}
      />
    </>
  )
}

export default NavLinks
