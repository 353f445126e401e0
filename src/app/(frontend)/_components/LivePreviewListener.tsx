'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * In the admin's live preview, re-renders the page (server components, reading the draft) each
 * time the editor's draft is saved. Payload's live-preview protocol, as its RefreshRouteOnSave
 * speaks it: say "ready" to the admin window, then refresh on each `payload-document-event` from
 * the admin's origin. Written here rather than installed: @payloadcms/live-preview-react is
 * published at 3.90.1 only, and Payload refuses to start beside a package of another version.
 */
export function LivePreviewListener() {
  const router = useRouter()
  useEffect(() => {
    const origin = window.location.origin
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: string } | null
      if (
        event.origin === origin &&
        data &&
        typeof data === 'object' &&
        data.type === 'payload-document-event'
      )
        router.refresh()
    }
    window.addEventListener('message', onMessage)
    const admin = window.opener || (window.parent !== window ? window.parent : null)
    admin?.postMessage({ type: 'payload-live-preview', ready: true }, origin)
    return () => window.removeEventListener('message', onMessage)
  }, [router])
  return null
}
