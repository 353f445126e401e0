const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text for HTML (and XML) content and attribute values. */
export const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])

/** For text between tags: quotes stay as they are, so readers that show the raw field see them intact. */
export const escapeText = (value: string) => value.replace(/[&<>]/g, (c) => HTML_ESCAPES[c])
