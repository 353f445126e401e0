import slugify from 'slugify'

/**
 * Vietnamese titles to URL slugs: "Đắk Lắk chuyển đổi số" → "dak-lak-chuyen-doi-so".
 * slugify's 'vi' locale folds đ/Đ, which Unicode NFD decomposition alone leaves intact.
 */
export function toSlug(text: string): string {
  // Separators such as 10/10 or a:b become word breaks rather than vanishing ("10-10", not "1010").
  const spaced = text.replace(/[/\\_.:;,|+&]+/g, ' ')
  return slugify(spaced, { lower: true, strict: true, locale: 'vi', trim: true })
    .slice(0, 120)
    .replace(/-+$/, '')
}
