import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Express in front of Next adds compression and security headers itself.
  compress: false,
  poweredByHeader: false,
  images: { unoptimized: true },
  // Express, the worker and the tests load Payload from node_modules; Next must use that same copy,
  // or errors thrown by our hooks fail Payload's instanceof checks (field errors get lost over REST).
  serverExternalPackages: [
    'payload',
    '@payloadcms/db-sqlite',
    '@payloadcms/db-mongodb',
    '@payloadcms/drizzle',
    '@payloadcms/graphql',
    'sharp',
  ],
  // `npm test` runs `tsc --noEmit` over the whole project; the build need not type-check twice.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
