/**
 * Vietnamese text folded for search: lower case, no diacritics, đ → d, anything but letters and
 * digits a single space. "Chuyển đổi số, Đắk Lắk!" → "chuyen doi so dak lak". Stored on every content
 * item (`searchText`) and applied to the query, so both databases compare plain ASCII with LIKE /
 * a case-insensitive regex, the one text comparison they share.
 */
export function foldChar(ch: string): string {
  return ch
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
}

export function foldText(text: string): string {
  return foldChar(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** The query's words, folded; empty words and duplicates dropped. */
export function foldedWords(query: string): string[] {
  return [...new Set(foldText(query).split(' ').filter(Boolean))]
}

/**
 * `text` cut into plain and matched parts for highlighting: a part matches where the folded text
 * holds one of the folded `words`. Each original character folds to one character (Vietnamese
 * letters decompose into a base letter and marks), so positions in the folded text are positions
 * in the original.
 */
export function highlightParts(text: string, words: string[]): { text: string; match: boolean }[] {
  if (!text || !words.length) return [{ text, match: false }]
  const chars = Array.from(text.normalize('NFC'))
  const folded = chars.map((c) => {
    const f = foldChar(c)
    return f.length === 1 ? f : c.toLowerCase().slice(0, 1) || ' '
  })
  const hay = folded.join('')
  const marked = new Array<boolean>(chars.length).fill(false)
  for (const word of words) {
    for (let at = hay.indexOf(word); at >= 0; at = hay.indexOf(word, at + 1)) {
      for (let i = at; i < at + word.length; i++) marked[i] = true
    }
  }
  const parts: { text: string; match: boolean }[] = []
  chars.forEach((c, i) => {
    const last = parts[parts.length - 1]
    if (last && last.match === marked[i]) last.text += c
    else parts.push({ text: c, match: marked[i] })
  })
  return parts
}
