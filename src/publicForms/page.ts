import type { Request, Response } from 'express'

/** Text made safe for HTML (element content and quoted attributes). */
export const esc = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

/**
 * Small, readable on a 320 px phone, with visible focus and 44 px targets; no web font, no image, no
 * script: the public forms work on a slow phone with JavaScript off.
 */
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#f4f6f8}
main{max-width:34rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
h1{font-size:1.35rem;line-height:1.3;margin:.25rem 0 .5rem;color:#0b3d91}
p{margin:.5rem 0}
.meta{color:#444;font-size:.95rem}
fieldset{border:1px solid #c8ced6;border-radius:6px;margin:1rem 0;padding:.5rem .75rem}
legend{font-weight:600;padding:0 .25rem}
label.opt{display:flex;align-items:center;gap:.5rem;min-height:44px;padding:.25rem 0}
input[type=radio],input[type=checkbox]{width:1.25rem;height:1.25rem;flex:none}
select{width:100%;min-height:44px;font:inherit;padding:.25rem;border:1px solid #6b7280;border-radius:4px;background:#fff;color:#1a1a1a}
label.field{display:block;font-weight:600;margin:1rem 0 .25rem}
button{width:100%;min-height:48px;font:inherit;font-weight:600;color:#fff;background:#0b3d91;border:0;border-radius:6px;margin:1rem 0}
:focus-visible{outline:3px solid #d97706;outline-offset:2px}
.note{font-size:.9rem;color:#374151;background:#eef2f7;border-radius:6px;padding:.5rem .75rem}
.ok{border-left:6px solid #15803d;padding:.5rem .75rem;background:#ecfdf3}
.err{border-left:6px solid #b91c1c;padding:.5rem .75rem;background:#fef2f2}
.err ul{margin:.25rem 0;padding-left:1.25rem}
`

/** A complete page of a public form: Vietnamese, its own small style (allowed by the page's CSP nonce). */
export function formPage(res: Response, title: string, body: string): string {
  const nonce = (res.locals as { cspNonce?: string }).cspNonce
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><meta name="robots" content="noindex"><style${nonce ? ` nonce="${esc(nonce)}"` : ''}>${STYLE}</style></head><body><main>${body}</main></body></html>`
}

/** Sends a form page, never cached (it carries the device's answer state). */
export function sendPage(res: Response, status: number, title: string, body: string) {
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .type('html')
    .send(formPage(res, title, body))
}

/** A refusal's messages as one alert block. */
export const errorBlock = (errors: string[]) =>
  `<div class="err" role="alert"><p><strong>Chưa gửi được:</strong></p><ul>${errors.map((e) => `<li>${esc(e)}</li>`).join('')}</ul></div>`

/** The per-address limiter's refusal (src/security/rateLimits.ts) as a form page. */
export const refusalPage = (_req: Request, res: Response, message: string) =>
  sendPage(res, 429, 'Vui lòng thử lại sau', errorBlock([message]))
