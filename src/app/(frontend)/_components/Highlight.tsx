import React from 'react'
import { highlightParts } from '@/content/fold'

/** `text` with the search words marked, matched without diacritics or case. */
export function Highlight({ text, words }: { text: string; words: string[] }) {
  return (
    <>
      {highlightParts(text, words).map((p, i) =>
        p.match ? <mark key={i}>{p.text}</mark> : <React.Fragment key={i}>{p.text}</React.Fragment>,
      )}
    </>
  )
}
