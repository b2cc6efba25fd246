/** Records which sources the build in ./build was made from, so `npm start` knows it is fresh. */
import { writeFileSync } from 'node:fs';
import { buildFingerprint, stampFile } from './build-state.ts';

writeFileSync(stampFile(process.cwd()), buildFingerprint(process.cwd()));
