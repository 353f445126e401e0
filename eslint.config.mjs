// ESLint as in Payload's templates/website (branch 3.x), adapted to Next 16: eslint-config-next
// now exports flat configs, so they are spread directly instead of going through FlatCompat.
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

const eslintConfig = [
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/ban-ts-comment': 'warn',
      '@typescript-eslint/no-empty-object-type': 'warn',
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'warn',
        {
          vars: 'all',
          args: 'after-used',
          ignoreRestSiblings: false,
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^(_|ignore)',
        },
      ],
    },
  },
  {
    // The database seam (src/db/README.md): which database runs, and the adapters' internals, are
    // known in src/db only; everything else asks dbOps(payload).
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name='db'][property.name='name']",
          message: 'Outside src/db, do not branch on payload.db.name: ask dbOps(payload) (src/db/README.md).',
        },
        {
          selector:
            "TSAsExpression[expression.type='TSAsExpression'][expression.expression.property.name='db']",
          message: 'Outside src/db, do not cast into the adapter: add an operation to src/db (src/db/README.md).',
        },
      ],
    },
  },
  {
    // Generated files and local state.
    ignores: [
      '.next/',
      'node_modules',
      'src/payload-types.ts',
      'src/app/(payload)/**',
      'migrations/*.json',
      'test-results/',
      'coverage/',
      'data/',
      'media/',
      'bench/results/',
    ],
  },
]

export default eslintConfig
