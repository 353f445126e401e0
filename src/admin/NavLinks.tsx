'use client'

import { NavGroup, useAuth, useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import React from 'react'
import { canSchedule } from './schedule/canSchedule'

/** "Lịch đăng" and "Lên lịch nhiều kênh" in the admin's side navigation, styled like its own links. */
export function NavLinks() {
  const { user } = useAuth()
  const { config } = useConfig()
  const pathname = usePathname()
  if (!user) return null
  const adminRoute = config.routes.admin
  const links = [
    { href: `${adminRoute}/calendar`, label: 'Lịch tháng / tuần', id: 'nav-calendar' },
    ...(canSchedule(user) ? [{ href: `${adminRoute}/schedule`, label: 'Lên lịch nhiều kênh', id: 'nav-schedule' }] : []),
  ]
  return (
    <NavGroup label="Lập lịch" isOpen>
      {links.map((link) => {
        const active = pathname === link.href
        const label = (
          <>
            {active && <div className="nav__link-indicator" />}
            <span className="nav__link-label">{link.label}</span>
          </>
        )
        return active ? (
          <div key={link.id} className="nav__link" id={link.id}>
            {label}
          </div>
        ) : (
          <Link key={link.id} className="nav__link" href={link.href} id={link.id} prefetch={false}>
            {label}
          </Link>
        )
      })}
    </NavGroup>
  )
}

export default NavLinks
