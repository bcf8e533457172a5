import { describe, expect, it } from 'vitest';
import {
	can,
	isRole,
	maySetStatus,
	PERMISSIONS,
	ROLES,
	rolesThatCan,
	rolesThatMaySet,
	statusesFor
} from './roles';
import { REVIEW_STATUSES } from './status';

describe('roles', () => {
	it('lets translators save their own work and nothing a reviewer decides', () => {
		expect(statusesFor('translator')).toEqual(['draft', 'translated']);
		for (const status of ['reviewed', 'approved', 'rejected'] as const)
			expect(maySetStatus('translator', status)).toBe(false);
		for (const permission of PERMISSIONS) expect(can('translator', permission)).toBe(false);
	});

	it('lets reviewers set every status and review, but not import, publish or edit the glossary', () => {
		expect(statusesFor('reviewer')).toEqual(REVIEW_STATUSES);
		expect(can('reviewer', 'review')).toBe(true);
		for (const permission of ['importArticles', 'publish', 'editGlossary', 'assign'] as const)
			expect(can('reviewer', permission)).toBe(false);
	});

	it('lets editors do everything', () => {
		for (const status of REVIEW_STATUSES) expect(maySetStatus('editor', status)).toBe(true);
		for (const permission of PERMISSIONS) expect(can('editor', permission)).toBe(true);
	});

	it('names who may do what, for messages', () => {
		expect(rolesThatMaySet('approved')).toEqual(['reviewer', 'editor']);
		expect(rolesThatMaySet('translated')).toEqual(ROLES);
		expect(rolesThatCan('publish')).toEqual(['editor']);
		expect(isRole('editor')).toBe(true);
		expect(isRole('admin')).toBe(false);
	});
});
