import React from 'react'
import { cspNonce } from '../_lib/site'

/** schema.org data as JSON-LD, carrying the response's CSP nonce like every other script; `<` escaped. */
export async function JsonLd({
  data,
}: {
  data: Record<string, unknown> | Record<string, unknown>[]
}) {
  const nonce = await cspNonce()
  const json = JSON.stringify(data).replace(/</g, '\\u003c')
  return (
    <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: json }} />
  )
}
