/** Where an office sits: a city's civil-affairs bureau, a district's, or a street office (街道办). */
export enum TenantKind {
  City = 'city',
  District = 'district',
  Street = 'street',
}

/** The tenant that everything made before offices were tenants belongs to (see the tenants migration). */
export const DEFAULT_TENANT_ID = '00000000-0000-4000-8000-000000000001';
