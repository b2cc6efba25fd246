import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/**
 * Routes and components never touch the database directly. Only the files below do; everything
 * else goes through a domain's queries.ts / mutations.ts. Type-only imports (Database, Transaction)
 * are fine: a type cannot run a query.
 */
const mayImportTheDatabase = [
	'src/lib/server/**/queries.ts',
	'src/lib/server/**/mutations.ts',
	'src/lib/server/db/**',
	'src/lib/server/seed/**',
	'src/lib/server/testing/**',
	'src/lib/server/jobs/**',
	'src/lib/server/mail/**',
	'src/lib/server/runtime.ts',
	'src/**/*.test.ts'
];

export default ts.config(
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'.svelte-kit-*/',
			'src/lib/paraglide/',
			'data/',
			'drizzle/',
			'project.inlang/',
			'node_modules/',
			'test-results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		},
		rules: {
			// Unused arguments and variables are fine when they say they are (`_event`).
			'@typescript-eslint/no-unused-vars': [
				'warn',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }
			],
			// TypeScript already reports undefined names, with the right globals.
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] }
		},
		rules: {
			// Plain hrefs are how we link; there is no base path to resolve against.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['src/**/*.ts', 'src/**/*.svelte', 'src/**/*.js'],
		ignores: mayImportTheDatabase,
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '(^|/)(lib/server/)?db(/index|/client)?(\\.ts|\\.js)?$',
							allowTypeImports: true,
							message:
								'Only queries.ts / mutations.ts (and db, seed, testing, jobs, mail, runtime) may use the database: routes and components go through domain functions so every query is network-scoped and permission-checked.'
						}
					]
				}
			]
		}
	}
);
