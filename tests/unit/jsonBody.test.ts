import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'
import { INVALID_JSON, invalidJsonResponse, readBody } from '@/lib/jsonBody'

/** A custom endpoint's request as Payload hands it over: a fetch Request, body unread, no data. */
const request = (body: string | undefined, type = 'application/json') =>
  Object.assign(
    new Request('http://127.0.0.1/api/x', {
      method: 'POST',
      headers: body === undefined ? {} : { 'content-type': type },
      body,
    }),
    { payload: { config: {}, logger: console }, data: undefined },
  ) as unknown as PayloadRequest

describe('readBody: the one JSON-body reader of the custom endpoints', () => {
  it('reads a JSON body once and keeps it on req.data', async () => {
    const req = request('{"year":2025,"unit":"u1"}')
    await expect(readBody(req)).resolves.toEqual({ year: 2025, unit: 'u1' })
    expect(req.data).toEqual({ year: 2025, unit: 'u1' })
    // A second read gives the same object, the stream is not read again.
    await expect(readBody(req)).resolves.toBe(req.data)
  })

  it('tells a body that is not JSON apart, with a Vietnamese 400', async () => {
    await expect(readBody(request('{"year": 20'))).resolves.toBe(INVALID_JSON)
    const res = invalidJsonResponse()
    expect(res.status).toBe(400)
    await expect(res.json()).resolves.toEqual({
      errors: [{ message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' }],
    })
  })

  it('gives undefined when there is no body, and keeps data Payload already parsed', async () => {
    await expect(readBody(request(undefined))).resolves.toBeUndefined()
    const parsed = request('ignored')
    parsed.data = { already: true }
    await expect(readBody(parsed)).resolves.toEqual({ already: true })
  })
})
