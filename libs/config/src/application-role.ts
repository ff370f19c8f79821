/**
 * The database role the API and the worker act as. It owns no table and cannot bypass row-level
 * security; the migrations run as the owner, create this role when it is missing and grant it what
 * the application needs.
 */
export const APPLICATION_ROLE = 'gongyi_app';
