import { DomainErrorCode } from '../domain-error-code';
import { refusal } from './refusal';

export enum RegistrationRefusal {
  TooManyFromAddress = 'REGISTRATIONS_FROM_ADDRESS_LIMITED',
  TooManyOverall = 'REGISTRATIONS_LIMITED',
}

export const RegistrationErrors = {
  tooManyFromAddress: (perHour: number) =>
    refusal(DomainErrorCode.RateLimited, RegistrationRefusal.TooManyFromAddress, {
      zh: `同一网络每小时最多注册 ${perHour} 个组织，请一小时后再试`,
      en: `at most ${perHour} organizations can register from one network per hour; try again in an hour`,
    }),

  tooManyOverall: () =>
    refusal(DomainErrorCode.RateLimited, RegistrationRefusal.TooManyOverall, {
      zh: '注册的组织过多，平台暂停注册，请稍后再试',
      en: 'too many organizations are registering right now; try again later',
    }),
} as const;
