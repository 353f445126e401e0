/** The id of a relationship value, whether Payload returned it populated (an object) or as a bare id. */
export function relationId(value: unknown): string | null {
  if (value && typeof value === 'object' && 'id' in value)
    return String((value as { id: unknown }).id)
  return value == null || value === '' ? null : String(value)
}

/** Whether two relationship values point at the same document; two empty ones do not. */
export function sameId(a: unknown, b: unknown): boolean {
  const x = relationId(a)
  return x != null && x === relationId(b)
}
