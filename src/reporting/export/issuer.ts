import type { Payload } from 'payload'

/** Who issues the province's report, and who signs it (Decree 30/2020/NĐ-CP's header and signer block). */
export type Issuer = {
  parent: string
  body: string
  /** The document's number; empty: left blank for the clerk ("Số:       /BC-STTTT"). */
  number: string
  symbol: string
  place: string
  /** "KT. GIÁM ĐỐC" when a deputy signs; empty when the head signs. */
  signerAuthority: string
  signerTitle: string
  signerName: string
  recipients: string[]
}

/** The defaults when the report settings leave a field empty: the `REPORT_*` environment, then Tây Ninh's. */
export const defaultIssuer = (): Issuer => ({
  parent: process.env.REPORT_PARENT_BODY || 'UBND TỈNH TÂY NINH',
  body: process.env.REPORT_ISSUING_BODY || 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  number: '',
  symbol: process.env.REPORT_SYMBOL || 'BC-STTTT',
  place: process.env.REPORT_PLACE || 'Tây Ninh',
  signerAuthority: '',
  signerTitle: process.env.REPORT_SIGNER_TITLE || 'GIÁM ĐỐC',
  signerName: process.env.REPORT_SIGNER_NAME || '',
  recipients: ['UBND tỉnh', 'Bộ Thông tin và Truyền thông', 'Lưu: VT, STTTT'],
})

type Signer = {
  symbol?: string | null
  signerAuthority?: string | null
  signerTitle?: string | null
  signerName?: string | null
  recipients?: { name?: string | null }[] | null
}

/**
 * The issuer of `year`'s report from the report settings (global `report-settings`): the year's
 * row where it sets a field, else the general field, else the default.
 */
export async function issuerFor(payload: Payload, year: number): Promise<Issuer> {
  const settings = await payload.findGlobal({
    slug: 'report-settings',
    depth: 0,
    overrideAccess: true,
  })
  const row = settings.years?.find((r) => r.year === year)
  const d = defaultIssuer()
  const pick = (...values: (string | null | undefined)[]) =>
    values.map((v) => v?.trim()).find((v) => v) ?? ''
  const names = (s: Signer | undefined) =>
    (s?.recipients ?? []).map((r) => r.name?.trim() ?? '').filter(Boolean)
  const recipients = names(row).length ? names(row) : names(settings)
  return {
    parent: pick(settings.parentBody, d.parent),
    body: pick(settings.issuingBody, d.body),
    number: pick(row?.number),
    symbol: pick(row?.symbol, settings.symbol, d.symbol),
    place: pick(settings.place, d.place),
    signerAuthority: pick(row?.signerAuthority, settings.signerAuthority),
    signerTitle: pick(row?.signerTitle, settings.signerTitle, d.signerTitle),
    signerName: pick(row?.signerName, settings.signerName, d.signerName),
    recipients: recipients.length ? recipients : d.recipients,
  }
}
