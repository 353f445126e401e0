import { ValidationError, type PayloadRequest } from 'payload'

export type FieldRefusal = { path: string; message: string }

/**
 * Refuses a write with field errors, in the request's language. Payload's own top line only names
 * the fields ("Trường sau không hợp lệ: scheduledAt", and in English when no translator is given),
 * so the message a person or a REST client reads first is the reason itself; the field errors still
 * go on their fields in the admin.
 */
export function refuseFields(
  req: PayloadRequest,
  collection: string,
  errors: FieldRefusal[],
): never {
  const err = new ValidationError({ collection, errors, req }, req.t)
  err.message = errors.map((e) => e.message).join(' ')
  throw err
}
