// House rules that a tool can check (STYLE.md): layers, boundaries between modules, hooks.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const otherModulesInternals = {
  group: ['../*/*.repository.js', '../*/*.routes.js', '../../modules/*/*.repository.js', '../../modules/*/*.routes.js'],
  allowTypeImports: true,
  message: "A module reaches another module through its service (STYLE.md); another module's repository or routes only as a type.",
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'coverage/**', 'db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    // Only repositories (and db/ itself) touch Drizzle and the table objects.
    files: ['server/src/modules/**/*.ts'],
    ignores: ['server/src/modules/**/*.repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'drizzle-orm', message: 'Queries live in *.repository.ts (STYLE.md habit 2).' },
            {
              name: '@hpen/db',
              allowTypeImports: true,
              message: 'Table objects are used only in *.repository.ts; import types with `import type`.',
            },
          ],
          patterns: [{ group: ['drizzle-orm/*'], message: 'Queries live in *.repository.ts (STYLE.md habit 2).' }, otherModulesInternals],
        },
      ],
    },
  },
  {
    files: ['server/src/modules/**/*.repository.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [otherModulesInternals] }] },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
