/** Records which sources the build in ./build (or $BUILD_OUT) was made from, so `npm start` knows it is fresh. */
import { writeFileSync } from 'node:fs';
import { buildFingerprint, stampFile } from './build-state.ts';

writeFileSync(stampFile(process.cwd(), process.env.BUILD_OUT ?? 'build'), buildFingerprint(process.cwd()));
