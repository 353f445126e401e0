'use client'

import { useConfig } from '@payloadcms/ui'
import React, { useState } from 'react'
import { markRead } from './api'

/** Above the notifications list: mark every unread notification of the user read. */
export function MarkAllRead() {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [busy, setBusy] = useState(false)
  return (
    <p>
      <button
        type="button"
        id="notifications-read-all"
        className="btn btn--style-secondary btn--size-small"
        disabled={busy}
        onClick={async () => {
          setBusy(true)
          await markRead(api)
          window.location.reload()
        }}
      >
        Đánh dấu đã đọc tất cả
      </button>
    </p>
  )
}
