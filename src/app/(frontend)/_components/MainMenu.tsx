'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import React, { useRef, useState } from 'react'

/**
 * The main menu: a list of links, behind a "Menu" button on narrow screens. The button says
 * whether the menu is open (aria-expanded); Escape closes it and gives the focus back to the button;
 * following a link closes it.
 */
export function MainMenu({ items }: { items: { href: string; label: string }[] }) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const pathname = usePathname()
  return (
    <nav
      aria-label="Menu chính"
      className={`main-menu${open ? ' is-open' : ''}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false)
          button.current?.focus()
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="main-menu__toggle"
        aria-expanded={open}
        aria-controls="menu-chinh"
        onClick={() => setOpen((o) => !o)}
      >
        Menu
      </button>
      <ul id="menu-chinh" className="main-menu__list">
        {items.map((item) => {
          const current =
            item.href === '/' ? pathname === '/' : pathname?.startsWith(item.href) === true
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                onClick={() => setOpen(false)}
              >
                {item.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
