import { toSlug } from '../../text/slug.ts';
import type { Localised } from '../directory/types.ts';

export type TaxonomyRow = {
	id: string;
	parentId: string | null;
	path: string;
	slug: string;
	nameDe: string;
	nameEn: string;
	position: number;
};

export type TaxonomyNode<T extends TaxonomyRow = TaxonomyRow> = Omit<T, 'nameDe' | 'nameEn'> & {
	name: Localised;
	depth: number;
	/** Index among its siblings, and how many siblings there are: for "move up/down". */
	index: number;
	siblings: number;
	hasChildren: boolean;
};

/**
 * Orders a flat list of taxonomy rows depth-first, siblings by position (then name), and adds
 * each node's depth. Pure, so the edit page and the office page render the same tree.
 */
export function orderTree<T extends TaxonomyRow>(rows: T[]): TaxonomyNode<T>[] {
	const children = new Map<string | null, T[]>();
	for (const row of rows) {
		const list = children.get(row.parentId) ?? [];
		list.push(row);
		children.set(row.parentId, list);
	}
	for (const list of children.values()) {
		list.sort((a, b) => a.position - b.position || a.nameDe.localeCompare(b.nameDe, 'de'));
	}
	const ordered: TaxonomyNode<T>[] = [];
	const visit = (parentId: string | null, depth: number) => {
		const list = children.get(parentId) ?? [];
		list.forEach((row, index) => {
			const { nameDe, nameEn, ...rest } = row;
			ordered.push({
				...rest,
				name: { de: nameDe, en: nameEn },
				depth,
				index,
				siblings: list.length,
				hasChildren: (children.get(row.id)?.length ?? 0) > 0
			});
			visit(row.id, depth + 1);
		});
	};
	visit(null, 0);
	return ordered;
}

/** "Batterie- & Zellfertigung" → "batterie-zellfertigung": stable, readable path segments. */
export function slugify(name: string): string {
	return toSlug(name, 60) || 'kompetenz';
}
