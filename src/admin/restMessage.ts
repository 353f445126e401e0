type PayloadError = { message?: string; data?: { errors?: { message?: string }[] } }

/** The server's own message: a validation error's field message, else the error's (both Vietnamese). */
export async function restMessage(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { errors?: PayloadError[] } | null
  const first = body?.errors?.[0]
  return first?.data?.errors?.[0]?.message ?? first?.message ?? `Lỗi máy chủ (${res.status}).`
}
