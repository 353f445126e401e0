'use client'

import React, { useState } from 'react'

const LEVELS = [1, 1.5, 2, 3] as const

/**
 * An infographic one can zoom into: buttons (keyboard and touch) step the zoom, the frame scrolls,
 * and the full-size file is one link away. Zoom levels are classes, not style attributes, which
 * the page's CSP does not allow. `describedBy` points at the long description.
 */
export function ZoomableImage({
  src,
  srcSet,
  fullUrl,
  alt,
  width,
  height,
  describedBy,
}: {
  src: string
  srcSet?: string
  fullUrl: string
  alt: string
  width?: number
  height?: number
  describedBy: string
}) {
  const [level, setLevel] = useState(0)
  const zoom = LEVELS[level]
  return (
    <div className="zoomable">
      <div className="zoomable__controls" role="group" aria-label="Phóng to, thu nhỏ">
        <button
          type="button"
          onClick={() => setLevel((l) => Math.max(0, l - 1))}
          disabled={level === 0}
        >
          − Thu nhỏ
        </button>
        <button
          type="button"
          onClick={() => setLevel((l) => Math.min(LEVELS.length - 1, l + 1))}
          disabled={level === LEVELS.length - 1}
        >
          + Phóng to
        </button>
        <span aria-live="polite" className="muted">
          {Math.round(zoom * 100)}%
        </span>
        <a href={fullUrl}>Xem ảnh gốc</a>
      </div>
      <div
        className="zoomable__frame"
        tabIndex={0}
        aria-label="Khung ảnh, cuộn để xem phần phóng to"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- next/image writes style attributes, which the CSP forbids */}
        <img
          className={`zoom-${level}`}
          src={src}
          srcSet={srcSet}
          sizes={`${Math.round(zoom * 100)}vw`}
          alt={alt}
          width={width}
          height={height}
          aria-describedby={describedBy}
        />
      </div>
    </div>
  )
}
