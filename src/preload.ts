/**
 * Loaded with `--import` before any entry point (server, worker, seed, tests). Lexical 0.50's
 * package entry uses top-level await to pick its dev or prod build, and Node 20 intermittently
 * exits with code 13 ("unsettled top-level await") when several modules import it at once during
 * start-up. Evaluating it alone first avoids that race.
 */
await import('lexical')
export {}
