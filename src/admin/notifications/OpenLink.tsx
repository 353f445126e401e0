'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect } from 'react'
import { markRead } from './api'

/**
 * The notification's link on its own page, which counts as reading it: opened from the list, an
 * unread notification is marked read at once.
 */
export function OpenLink() {
  const { id, savedDocumentData } = useDocumentInfo()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const unread = savedDocumentData && !savedDocumentData.read
  useEffect(() => {
    if (id && unread) void markRead(api, id)
  }, [api, id, unread])
  const link = savedDocumentData?.link as string | undefined
  if (!link) return null
  return (
    <p className="field-type">
      <a href={link} id="notification-open" className="btn btn--style-primary btn--size-small">
        Mở trang liên quan
      </a>
    </p>
  )
}
