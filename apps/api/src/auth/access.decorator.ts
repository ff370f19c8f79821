import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { Role } from '@app/domain';
import { securitySchemesOf } from './security-schemes';

export const ACCESS_KEY = 'access';

export type Access = { readonly public: true } | { readonly roles: readonly Role[] };

/**
 * Roles allowed on a route. Every route states its access; a route without it is refused to everyone.
 * The same declaration documents the route's security schemes, so the OpenAPI document cannot
 * say a route is open while the guard closes it, or the reverse.
 */
export const Allow = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { roles } satisfies Access),
    ...securitySchemesOf(roles).map((scheme) => ApiSecurity(scheme)),
  );

/** Open to anyone: health, documentation, sign-in, registration, public results. No security scheme. */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies Access);
