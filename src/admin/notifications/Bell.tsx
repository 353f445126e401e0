'use client'

import { useAuth, useConfig } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'
import { formatVietnamTime } from '@/lib/time'
import { markRead, unreadQuery } from './api'
import './notifications.css'

type Item = { id: string; title: string; link?: string | null; createdAt: string }

/** How often the count is asked again while the admin is open. */
const POLL_MS = 60_000

/**
 * The bell in the admin's header (admin.components.actions): the count of the user's unread
 * notifications and, when opened, the latest ones; opening one marks it read and goes to what it is
 * about. "Xem tất cả" is the notifications list (collections/Notifications).
 */
export function Bell() {
  const { user } = useAuth()
  const {
    config: {
      routes: { api, admin },
    },
  } = useConfig()
  const [count, setCount] = useState<number | null>(null)
  const [items, setItems] = useState<Item[]>([])
  const [open, setOpen] = useState(false)

  // Bumped to ask again: on opening the panel, after "read all", and every POLL_MS.
  const [asked, setAsked] = useState(0)
  const load = useCallback(() => setAsked((n) => n + 1), [])

  useEffect(() => {
    if (!user) return
    let live = true
    fetch(
      `${api}/notifications?${unreadQuery}&limit=8&depth=0&sort=-createdAt&select[title]=true&select[link]=true&select[createdAt]=true`,
      { credentials: 'include' },
    )
      .then((res) => (res.ok ? (res.json() as Promise<{ totalDocs: number; docs: Item[] }>) : null))
      .then((body) => {
        if (!live || !body) return
        setCount(body.totalDocs)
        setItems(body.docs)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [user, api, asked])

  useEffect(() => {
    const timer = setInterval(load, POLL_MS)
    return () => clearInterval(timer)
  }, [load])

  if (!user) return null
  const unread = count ?? 0
  const go = async (item: Item) => {
    await markRead(api, item.id)
    window.location.assign(item.link || `${admin}/collections/notifications/${item.id}`)
  }
  const readAll = async () => {
    await markRead(api)
    load()
  }

  return (
    <div className="cms-bell">
      <button
        type="button"
        id="notification-bell"
        className="cms-bell__button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`Thông báo: ${unread} chưa đọc`}
        title="Thông báo"
        onClick={() => {
          setOpen(!open)
          if (!open) load()
        }}
      >
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        {unread > 0 && (
          <span className="cms-bell__count" id="notification-count" data-count={unread}>
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="cms-bell__panel" role="dialog" aria-label="Thông báo chưa đọc">
          {items.length === 0 ? (
            <p className="cms-muted" id="notification-empty">
              Không có thông báo chưa đọc.
            </p>
          ) : (
            <ul className="cms-bell__list">
              {items.map((item) => (
                <li key={item.id}>
                  <button type="button" className="cms-bell__item" onClick={() => void go(item)}>
                    <span>{item.title}</span>
                    <small className="cms-muted">
                      {formatVietnamTime(new Date(item.createdAt))}
                    </small>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="cms-bell__footer">
            {unread > 0 && (
              <button
                type="button"
                id="notification-read-all"
                className="btn btn--style-subtle btn--size-small cms-btn"
                onClick={() => void readAll()}
              >
                Đánh dấu đã đọc tất cả
              </button>
            )}
            <a href={`${admin}/collections/notifications`} id="notification-all">
              Xem tất cả thông báo
            </a>
          </div>
        </div>
      )}
    </div>
  )
}
