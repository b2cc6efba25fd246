import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import tailwindcss from '@tailwindcss/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// German first: the network's language is the default; English is one click away (a cookie).
			strategy: ['cookie', 'baseLocale'],
			cookieName: 'kp_locale'
		}),
		tailwindcss(),
		sveltekit({
			// Separate output folders let several builds of one checkout coexist (e.g. the e2e tests').
			outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
			adapter: adapter({ out: process.env.BUILD_OUT ?? 'build' }),
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			}
		})
	],
	ssr: {
		noExternal: ['drizzle-orm'],
		external: ['@electric-sql/pglite', 'pg', 'pg-boss', 'pino', 'nodemailer']
	}
});
