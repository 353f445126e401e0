import React from 'react'

/** The default emblem (the same drawing as the site's favicon, src/app/icon.svg) when no logo is set. */
export function BrandMark({ size, label }: { size: number; label?: string }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 64 64"
      width={size}
      height={size}
      focusable="false"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      <rect width="64" height="64" rx="12" fill="#0b4f8a" />
      <path
        d="M18 44 32 20 46 44Z"
        fill="none"
        stroke="#ffbf47"
        strokeWidth="4"
        strokeLinejoin="round"
      />
      <g fill="#fff">
        <circle cx="32" cy="20" r="7" />
        <circle cx="18" cy="44" r="7" />
        <circle cx="46" cy="44" r="7" />
      </g>
    </svg>
  )
}

/** The configured logo, or the default emblem; `label` names it where it is a link's only content. */
export function BrandImage({
  logo,
  size,
  label,
}: {
  logo: { url: string; alt: string } | null
  size: number
  label?: string
}) {
  if (!logo) return <BrandMark size={size} label={label} />
  // A plain <img>: the logo is a media file of any size; Next's image optimiser is not set up for /api/media.
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={logo.url}
      alt={label ?? logo.alt}
      height={size}
      style={{ height: size, width: 'auto' }}
    />
  )
}
