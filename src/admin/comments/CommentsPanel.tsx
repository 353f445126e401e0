'use client'

import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useMemo, useRef, useState } from 'react'
import { formatDateTimeVn } from '@/lib/time'
import { restMessage } from '../restMessage'
import '../admin-views.css'

type Person = { id: string; name: string }
type Thread = {
  id: string
  parent: string | null
  body: string
  authorName: string
  createdAt: string
  docVersion: string | null
  mentions: Person[]
}

/** The word being typed after an "@" at the caret, if any: what the picker filters on. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,30})$/.exec(text.slice(0, caret))
  return match ? { start: caret - match[2].length - 1, query: match[2] } : null
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()

function Composer({
  mentionable,
  onSend,
  label,
  idPrefix,
  onCancel,
}: {
  mentionable: Person[]
  onSend: (body: string, mentions: string[]) => Promise<string | null>
  label: string
  idPrefix: string
  onCancel?: () => void
}) {
  const [text, setText] = useState('')
  const [picked, setPicked] = useState<Person[]>([])
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const area = useRef<HTMLTextAreaElement>(null)
  const matches = useMemo(
    () =>
      query ? mentionable.filter((p) => fold(p.name).includes(fold(query.query))).slice(0, 8) : [],
    [query, mentionable],
  )

  const pick = (person: Person) => {
    if (!query) return
    const caret = area.current?.selectionStart ?? text.length
    const next = `${text.slice(0, query.start)}@${person.name} ${text.slice(caret)}`
    setText(next)
    setPicked((p) => (p.some((x) => x.id === person.id) ? p : [...p, person]))
    setQuery(null)
    area.current?.focus()
  }

  const send = async () => {
    setBusy(true)
    setError(null)
    // A mention stays only while its "@Name" is still in the text.
    const mentions = picked.filter((p) => text.includes(`@${p.name}`)).map((p) => p.id)
    const refused = await onSend(text, mentions)
    setBusy(false)
    if (refused) return setError(refused)
    setText('')
    setPicked([])
  }

  return (
    <div className="cms-comments__composer">
      <label className="cms-field">
        <span className="cms-field__label">{label}</span>
        <textarea
          ref={area}
          id={`${idPrefix}-body`}
          rows={3}
          value={text}
          placeholder="Gõ @ để nhắc tên một người"
          onChange={(e) => {
            setText(e.target.value)
            setQuery(mentionQuery(e.target.value, e.target.selectionStart))
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setQuery(null)
          }}
        />
      </label>
      {matches.length > 0 && (
        <ul className="cms-comments__picker" role="listbox" aria-label="Chọn người được nhắc">
          {matches.map((p) => (
            <li key={p.id} role="option" aria-selected={false}>
              <button type="button" className="cms-chip" onClick={() => pick(p)}>
                {p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="cms-comments__error" role="alert">
          {error}
        </p>
      )}
      <div className="cms-comments__actions">
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          disabled={busy || !text.trim()}
          onClick={send}
        >
          Gửi bình luận
        </button>
        {onCancel && (
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            onClick={onCancel}
          >
            Hủy
          </button>
        )}
      </div>
    </div>
  )
}

/**
 * "Bình luận" in a content item's or a publication's edit view: the thread, replies under the
 * comment they answer, mentions picked with "@". Comments are append-only (collections/Comments),
 * so the panel offers no edit or delete.
 */
export function CommentsPanel() {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [comments, setComments] = useState<Thread[]>([])
  const [mentionable, setMentionable] = useState<Person[]>([])
  const [replyTo, setReplyTo] = useState<string | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)

  // Bumped after each comment sent: the thread is read again from the server.
  const [reads, setReads] = useState(0)

  useEffect(() => {
    if (!id || !collectionSlug) return
    let live = true
    const query = new URLSearchParams({ collection: collectionSlug, id: String(id) })
    fetch(`${api}/comments/thread?${query}`, { credentials: 'include' })
      .then(async (res) => {
        if (!res.ok) throw new Error(await restMessage(res))
        return (await res.json()) as { comments: Thread[]; mentionable: Person[] }
      })
      .then((body) => {
        if (!live) return
        setComments(body.comments)
        setMentionable(body.mentionable.filter((p) => p.id !== String(user?.id)))
      })
      .catch((err: Error) => live && setLoadError(err.message))
    return () => {
      live = false
    }
  }, [api, id, collectionSlug, user?.id, reads])

  if (!id || !collectionSlug) return null

  const send = (parent: string | null) => async (body: string, mentions: string[]) => {
    const res = await fetch(`${api}/comments`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        doc: { relationTo: collectionSlug, value: id },
        parent,
        body,
        mentions,
      }),
    })
    if (!res.ok) return restMessage(res)
    setReplyTo(null)
    setReads((n) => n + 1)
    return null
  }

  const children = (parent: string | null) => comments.filter((c) => c.parent === parent)
  const render = (c: Thread): React.ReactNode => (
    <li key={c.id} className="cms-comments__item" data-comment={c.id}>
      <div className="cms-comments__meta">
        <strong>{c.authorName}</strong> ·{' '}
        <time dateTime={c.createdAt}>{formatDateTimeVn(c.createdAt)}</time>
      </div>
      <p className="cms-comments__body">{c.body}</p>
      {c.mentions.length > 0 && (
        <p className="cms-comments__mentions">
          Nhắc đến: {c.mentions.map((m) => m.name).join(', ')}
        </p>
      )}
      {replyTo === c.id ? (
        <Composer
          mentionable={mentionable}
          onSend={send(c.id)}
          label={`Trả lời ${c.authorName}`}
          idPrefix={`reply-${c.id}`}
          onCancel={() => setReplyTo(null)}
        />
      ) : (
        <button type="button" className="cms-comments__reply" onClick={() => setReplyTo(c.id)}>
          Trả lời
        </button>
      )}
      {children(c.id).length > 0 && (
        <ul className="cms-comments__list">{children(c.id).map(render)}</ul>
      )}
    </li>
  )

  return (
    <section className="cms-comments" aria-label="Bình luận" id="comments-panel">
      <h3 className="cms-comments__title">Bình luận ({comments.length})</h3>
      {loadError && <p role="alert">{loadError}</p>}
      {comments.length === 0 && !loadError && (
        <p className="cms-comments__empty">Chưa có bình luận.</p>
      )}
      <ul className="cms-comments__list">{children(null).map(render)}</ul>
      <Composer
        mentionable={mentionable}
        onSend={send(null)}
        label="Bình luận mới"
        idPrefix="comment"
      />
    </section>
  )
}
