import { addDataAndFileToRequest, type PayloadRequest } from 'payload'

/** Stands for a request body that was not valid JSON (each endpoint refuses it where its checks allow). */
export const INVALID_JSON = Symbol('invalid-json')
export const INVALID_JSON_MESSAGE = 'Dữ liệu gửi lên không phải JSON hợp lệ.'

/**
 * A custom endpoint's body: Payload leaves it unread for custom endpoints, so it is read here once
 * (JSON, or a multipart form's `_payload`) and kept on `req.data`. Undefined when there is none;
 * INVALID_JSON when it is not JSON.
 */
export async function readBody(req: PayloadRequest): Promise<unknown> {
  if (req.data === undefined) {
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return INVALID_JSON
    }
  }
  return req.data
}

/** The 400 answer for a body that is not JSON, in the shape Payload's own errors have. */
export const invalidJsonResponse = () =>
  Response.json({ errors: [{ message: INVALID_JSON_MESSAGE }] }, { status: 400 })
