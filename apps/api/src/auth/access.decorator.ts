import { SetMetadata } from '@nestjs/common';
import { Role } from '@app/domain';

export const ACCESS_KEY = 'access';

export type Access = { readonly public: true } | { readonly roles: readonly Role[] };

/** Roles allowed on a route. Every route states its access; a route without it is refused to everyone. */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { roles } satisfies Access);

/** Open to anyone: health, documentation, sign-in, registration, public results. */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies Access);
