import Link from 'next/link'
import React from 'react'

/** Previous / next and the page numbers around the current one; the other query parameters are kept. */
export function Pagination({
  path,
  params,
  page,
  totalPages,
}: {
  path: string
  params: Record<string, string | undefined>
  page: number
  totalPages: number
}) {
  if (totalPages <= 1) return null
  const href = (p: number) => {
    const q = new URLSearchParams()
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v)
    if (p > 1) q.set('trang', String(p))
    const s = q.toString()
    return s ? `${path}?${s}` : path
  }
  const pages: number[] = []
  for (let p = Math.max(1, page - 2); p <= Math.min(totalPages, page + 2); p++) pages.push(p)
  return (
    <nav aria-label="Phân trang" className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link href={href(page - 1)} rel="prev">
              ‹ Trang trước
            </Link>
          </li>
        ) : null}
        {pages.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page">{p}</span>
            ) : (
              <Link href={href(p)} aria-label={`Trang ${p}`}>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < totalPages ? (
          <li>
            <Link href={href(page + 1)} rel="next">
              Trang sau ›
            </Link>
          </li>
        ) : null}
      </ul>
      <p className="muted">
        Trang {page}/{totalPages}
      </p>
    </nav>
  )
}
