import { authorize } from '#lib/server/guard.ts';
import { exportResponse } from '#lib/server/directory-export/response.ts';

export const GET = async (event) => {
	authorize(event, 'directory.export');
	return exportResponse(event, 'xlsx');
};
