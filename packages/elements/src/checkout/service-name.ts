import { localise, type LocalisedText } from '@mendunia/core';

/** "Pos Indonesia EMS"; the carrier is not repeated when the service name already says it. */
export function serviceName(service: { readonly carrier: string; readonly name: LocalisedText }, locale: string): string {
  const name = localise(service.name, locale);
  return name.toLowerCase().startsWith(service.carrier.toLowerCase()) ? name : `${service.carrier} ${name}`;
}
